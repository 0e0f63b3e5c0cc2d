"""Golden values for org.priorkit.proto: SentencePrototypeBank (training with given Gumbel noise,
eval softmax, eval argmax), PrototypeL1Loss and PrototypeKLLoss, with gradients.

Run with Debian's PyTorch: /usr/bin/python3 proto_bank.py  (writes ../resources/golden/proto_bank.npz)
"""
import os

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
B, S, D, K, TAU = 3, 4, 8, 6, 0.9


class SentencePrototypeBank(nn.Module):
    def __init__(self, k, d, tau):
        super().__init__()
        self.codebook = nn.Parameter(torch.randn(k, d))
        self.tau = tau

    def logits(self, x):
        return x @ self.codebook.t() / self.tau

    def forward(self, s, mask, noise=None, mode="gumbel"):
        logits = self.logits(s)
        if mode == "gumbel":
            a = F.softmax(logits + noise / self.tau, dim=-1)
        elif mode == "softmax":
            a = F.softmax(logits, dim=-1)
        else:
            a = F.one_hot(logits.argmax(-1), logits.shape[-1]).to(s.dtype)
        a = a * mask[..., None]
        idx = torch.where(mask, a.argmax(-1), torch.full_like(mask, -1, dtype=torch.long))
        return a @ self.codebook, a, idx


def l1_loss(proto, s, mask):
    real = mask.to(proto.dtype)
    return ((proto - s).abs().sum(-1) * real).sum() / (real.sum().clamp(min=1) * proto.shape[-1])


def kl_loss(decoded_logits, true_logits, mask):
    real = mask.to(decoded_logits.dtype)
    log_true = true_logits.detach().log_softmax(-1)
    kl = F.kl_div(decoded_logits.log_softmax(-1), log_true, log_target=True, reduction="none").sum(-1)
    return (kl * real).sum() / real.sum().clamp(min=1)


# our Gumbel formula equals PyTorch's own gumbel_softmax for the same random numbers
logits = torch.randn(5, K)
torch.manual_seed(7)
reference = F.gumbel_softmax(logits, tau=TAU, hard=False)
torch.manual_seed(7)
g = -torch.empty_like(logits).exponential_().log()
assert torch.allclose(reference, F.softmax((logits + g) / TAU, dim=-1), atol=1e-6)

bank = SentencePrototypeBank(K, D, TAU)
mask = torch.tensor([[1, 1, 1, 1], [1, 1, 0, 0], [1, 0, 0, 0]], dtype=torch.bool)
sentences = (torch.randn(B, S, D) * mask[..., None]).requires_grad_(True)
noise = -torch.empty(B, S, K).exponential_().log()
decoded = torch.randn(B, S, D, requires_grad=True)

proto, a, idx = bank(sentences, mask, noise, "gumbel")
proto_soft, a_soft, _ = bank(sentences, mask, mode="softmax")
proto_hard, a_hard, idx_hard = bank(sentences, mask, mode="argmax")
l1 = l1_loss(proto, sentences, mask)
kl = kl_loss(bank.logits(decoded), bank.logits(sentences), mask)

arrays = {"bank.codebook": bank.codebook.detach().numpy(), "mask": mask.numpy(),
          "sentences": sentences.detach().numpy(), "noise": noise.numpy(), "decoded": decoded.detach().numpy(),
          "train.prototypes": proto.detach().numpy(), "train.assignment": a.detach().numpy(),
          "train.index": idx.numpy(),
          "softmax.prototypes": proto_soft.detach().numpy(), "softmax.assignment": a_soft.detach().numpy(),
          "argmax.prototypes": proto_hard.detach().numpy(), "argmax.index": idx_hard.numpy(),
          "loss_l1": l1.detach().numpy(), "loss_kl": kl.detach().numpy()}
for name, loss, wrt in [("l1", l1, [("sentences", sentences), ("codebook", bank.codebook)]),
                        ("kl", kl, [("decoded", decoded), ("sentences", sentences), ("codebook", bank.codebook)])]:
    gs = torch.autograd.grad(loss, [t for _, t in wrt], retain_graph=True, allow_unused=True)
    for (k, t), gr in zip(wrt, gs):
        arrays[f"grad_{name}.{k}"] = (torch.zeros_like(t) if gr is None else gr).numpy()
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "proto_bank.npz")
np.savez(out, **arrays)
print("wrote", out, "l1", float(l1), "kl", float(kl))
