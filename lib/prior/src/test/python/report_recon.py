"""Golden values for org.priorkit.recon.PrototypeDecoder and ReportReconstructionLoss.

Tiny sizes: B = 2, Q = 4 queries, I = 4 image tokens, S = 3 sentences (3 and 2 real), D = 8,
2 heads, 2 layers, FFN 16, K = 5 prototypes. The matching uses scipy's linear_sum_assignment on the
same L1 cost; the pooling is a masked mean (the Java test passes the same function).

Run with Debian's PyTorch: /usr/bin/python3 report_recon.py  (writes ../resources/golden/report_recon.npz)
"""
import math
import os

import numpy as np
import torch
import torch.nn.functional as F
from scipy.optimize import linear_sum_assignment
from torch import nn

torch.manual_seed(0)
B, Q, I, S, D, H, L, FF, K, TAU = 2, 4, 4, 3, 8, 2, 2, 16, 5, 0.9
EPS = 1e-12


class MultiHeadAttention(nn.Module):
    def __init__(self, d, h):
        super().__init__()
        self.h = h
        self.q_proj, self.k_proj, self.v_proj, self.out_proj = (nn.Linear(d, d) for _ in range(4))

    def forward(self, q, k, v):
        b, lq, d = q.shape
        lk = k.shape[1]
        dh = d // self.h
        qh = self.q_proj(q).reshape(b, lq, self.h, dh).transpose(1, 2)
        kh = self.k_proj(k).reshape(b, lk, self.h, dh).transpose(1, 2)
        vh = self.v_proj(v).reshape(b, lk, self.h, dh).transpose(1, 2)
        w = (qh / math.sqrt(dh) @ kh.transpose(2, 3)).softmax(-1)
        return self.out_proj((w @ vh).transpose(1, 2).reshape(b, lq, d))


class FeedForward(nn.Module):
    def __init__(self, d, f):
        super().__init__()
        self.fc1 = nn.Linear(d, f)
        self.fc2 = nn.Linear(f, d)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


class DecoderLayer(nn.Module):
    def __init__(self):
        super().__init__()
        self.self_attn = MultiHeadAttention(D, H)
        self.norm1 = nn.LayerNorm(D, eps=EPS)
        self.cross_attn = MultiHeadAttention(D, H)
        self.norm2 = nn.LayerNorm(D, eps=EPS)
        self.ffn = FeedForward(D, FF)
        self.norm3 = nn.LayerNorm(D, eps=EPS)

    def forward(self, x, image):
        x = self.norm1(x + self.self_attn(x, x, x))
        x = self.norm2(x + self.cross_attn(x, image, image))
        return self.norm3(x + self.ffn(x))


class PrototypeDecoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.queries = nn.Parameter(torch.randn(Q, D))
        self.layers = nn.Sequential(*[DecoderLayer() for _ in range(L)])

    def forward(self, image):
        x = self.queries.expand(image.shape[0], Q, D)
        for layer in self.layers:
            x = layer(x, image)
        return x


class Bank(nn.Module):
    def __init__(self):
        super().__init__()
        self.codebook = nn.Parameter(torch.randn(K, D))

    def logits(self, x):
        return x @ self.codebook.t() / TAU

    def snap(self, x):
        return self.logits(x).softmax(-1) @ self.codebook


def masked_mean(s, mask):
    real = mask.to(s.dtype)[..., None]
    return (s * real).sum(1) / real.sum(1).clamp(min=1)


def l1(a, b, mask):
    real = mask.to(a.dtype)
    return ((a - b).abs().sum(-1) * real).sum() / (real.sum().clamp(min=1) * a.shape[-1])


def kl(dec_logits, true_logits, mask):
    real = mask.to(dec_logits.dtype)
    lt = true_logits.detach().log_softmax(-1)
    k = (lt.exp() * (lt - dec_logits.log_softmax(-1))).sum(-1)
    return (k * real).sum() / real.sum().clamp(min=1)


def infonce(a, b, scale):
    logits = F.normalize(a, dim=1) @ F.normalize(b, dim=1).t() * scale
    labels = torch.arange(a.shape[0])
    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.t(), labels)) / 2


decoder = PrototypeDecoder()
with torch.no_grad():
    for m in decoder.modules():
        if isinstance(m, nn.LayerNorm):
            m.weight.uniform_(0.5, 1.5)
            m.bias.uniform_(-0.3, 0.3)
bank = Bank()
mask = torch.tensor([[1, 1, 1], [1, 1, 0]], dtype=torch.bool)
image = torch.randn(B, I, D, requires_grad=True)
true_sentences = (torch.randn(B, S, D) * mask[..., None]).requires_grad_(True)
true_prototypes = (bank.snap(true_sentences) * mask[..., None])  # eval-mode prototypes of the true sentences
true_report = torch.randn(B, D, requires_grad=True)
scale = torch.tensor(1 / 0.07, requires_grad=True)

decoded = decoder(image)  # (B, Q, D)
cost = (decoded.detach()[:, :, None, :] - true_prototypes.detach()[:, None, :, :]).abs().sum(-1)  # (B, Q, S)
index = torch.zeros(B, S, dtype=torch.long)
for b in range(B):
    real = mask[b].nonzero().flatten().numpy()
    rows, cols = linear_sum_assignment(cost[b][:, real].t().numpy())  # rows: sentences, cols: queries
    index[b, real[rows]] = torch.as_tensor(cols)
matched = decoded.gather(1, index[..., None].expand(B, S, D))
loss_l1 = l1(matched, true_prototypes.detach(), mask)
loss_kl = kl(bank.logits(matched), bank.logits(true_sentences), mask)
loss_gp = infonce(masked_mean(bank.snap(matched), mask), true_report, scale)

arrays = {"decoder." + k: v.detach().numpy() for k, v in decoder.state_dict().items()}
arrays["bank.codebook"] = bank.codebook.detach().numpy()
arrays.update(mask=mask.numpy(), image=image.detach().numpy(), true_sentences=true_sentences.detach().numpy(),
              true_prototypes=true_prototypes.detach().numpy(), true_report=true_report.detach().numpy(),
              scale=scale.detach().numpy(), decoded=decoded.detach().numpy(), index=index.numpy(),
              loss_l1=loss_l1.detach().numpy(), loss_kl=loss_kl.detach().numpy(), loss_gp=loss_gp.detach().numpy())
wrt = [("image", image), ("true_sentences", true_sentences), ("true_report", true_report), ("scale", scale),
       ("decoder.queries", decoder.queries), ("decoder.layers.1.cross_attn.q_proj.weight",
                                              decoder.layers[1].cross_attn.q_proj.weight),
       ("bank.codebook", bank.codebook)]
for name, loss in [("l1", loss_l1), ("kl", loss_kl), ("gp", loss_gp)]:
    gs = torch.autograd.grad(loss, [t for _, t in wrt], retain_graph=True, allow_unused=True)
    for (k, t), g in zip(wrt, gs):
        arrays[f"grad_{name}.{k}"] = (torch.zeros_like(t) if g is None else g).numpy()
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "report_recon.npz")
np.savez(out, **arrays)
print("wrote", out, "index", index.tolist(), "losses", float(loss_l1), float(loss_kl), float(loss_gp))
