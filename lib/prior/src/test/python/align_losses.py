"""Golden values for org.priorkit.align: LocalAlignment, SimSiamPredictor, LearnableTemperature and
the three alignment losses (forward values and gradients w.r.t. inputs and parameters).

Run with Debian's PyTorch: /usr/bin/python3 align_losses.py  (writes ../resources/golden/align_losses.npz)
Module structure and parameter names mirror the Java blocks, so StateDict.load takes the weights.
"""
import math
import os

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
B, I, S, D = 3, 4, 4, 8
MASKED = -1e9


class LearnableTemperature(nn.Module):
    def __init__(self, temperature=0.01):
        super().__init__()
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1 / temperature)))

    def forward(self):
        return self.logit_scale.exp()


class LocalAlignment(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.d = d
        for name in ["t2i_q", "t2i_k", "t2i_v", "i2t_q", "i2t_k", "i2t_v"]:
            setattr(self, name, nn.Linear(d, d))

    def forward(self, image, sentences, mask):
        real = mask.to(image.dtype)                                                  # (B, S)
        w = torch.sigmoid(self.t2i_q(image) @ self.t2i_k(sentences).transpose(1, 2) / math.sqrt(self.d))
        w = w * real[:, None, :]                                                     # (B, I, S)
        text_aware = w @ self.t2i_v(sentences)                                       # (B, I, D)
        a = torch.sigmoid(self.i2t_q(sentences) @ self.i2t_k(image).transpose(1, 2) / math.sqrt(self.d))
        a = a * real[:, :, None]                                                     # (B, S, I)
        image_aware = a @ self.i2t_v(image)                                          # (B, S, D)
        return text_aware, image_aware, a, w


class SimSiamPredictor(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.fc1 = nn.Linear(d, d // 2)
        self.fc2 = nn.Linear(d // 2, d)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def global_loss(image, report, scale):
    logits = F.normalize(image, dim=1) @ F.normalize(report, dim=1).t() * scale
    labels = torch.arange(image.shape[0])
    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.t(), labels)) / 2


def local_image_loss(p_x, p_y, x, y):
    a = F.cosine_similarity(p_x, y.detach(), dim=-1, eps=0)  # inputs have no zero rows
    b = F.cosine_similarity(p_y, x.detach(), dim=-1, eps=0)
    return -(a.mean() + b.mean()) / 2


def local_text_loss_loop(sentences, image_aware, mask, scale):
    """Per report, plain cross_entropy on the real sentences only (the reference the masks must match)."""
    losses = []
    for b in range(sentences.shape[0]):
        n = int(mask[b].sum())
        if n < 2:
            continue
        t = F.normalize(sentences[b, :n], dim=-1)
        v = F.normalize(image_aware[b, :n], dim=-1)
        logits = t @ v.t() * scale
        labels = torch.arange(n)
        losses.append(F.cross_entropy(logits, labels, reduction="sum"))
        losses.append(F.cross_entropy(logits.t(), labels, reduction="sum"))
    count = sum(int(mask[b].sum()) for b in range(mask.shape[0]) if int(mask[b].sum()) >= 2)
    return torch.stack(losses).sum() / count / 2


align = LocalAlignment(D)
predictor = SimSiamPredictor(D)
global_temp = LearnableTemperature(0.01)
local_temp = LearnableTemperature(0.01)
with torch.no_grad():
    global_temp.logit_scale.fill_(math.log(1 / 0.07))  # away from init, so loading is tested

mask = torch.tensor([[1, 1, 1, 1], [1, 1, 0, 0], [1, 0, 0, 0]], dtype=torch.bool)
image_global = torch.randn(B, D, requires_grad=True)
report = torch.randn(B, D, requires_grad=True)
image_tokens = torch.randn(B, I, D, requires_grad=True)
sentences = (torch.randn(B, S, D) * mask[:, :, None]).requires_grad_(True)  # padded rows are zero

text_aware, image_aware, s2r, r2s = align(image_tokens, sentences, mask)
l_global = global_loss(image_global, report, global_temp())
l_image = local_image_loss(predictor(image_tokens), predictor(text_aware), image_tokens, text_aware)
l_text = local_text_loss_loop(sentences, image_aware, mask, local_temp())

arrays = {}
for prefix, module in [("align.", align), ("predictor.", predictor), ("global_temp.", global_temp),
                       ("local_temp.", local_temp)]:
    for k, v in module.state_dict().items():
        arrays[prefix + k] = v.numpy()
arrays.update(mask=mask.numpy(), image_global=image_global.detach().numpy(), report=report.detach().numpy(),
              image_tokens=image_tokens.detach().numpy(), sentences=sentences.detach().numpy(),
              text_aware=text_aware.detach().numpy(), image_aware=image_aware.detach().numpy(),
              sentence_to_region=s2r.detach().numpy(), region_to_sentence=r2s.detach().numpy(),
              loss_global=l_global.detach().numpy(), loss_image=l_image.detach().numpy(),
              loss_text=l_text.detach().numpy())


def grads(name, loss, named):
    gs = torch.autograd.grad(loss, [t for _, t in named], retain_graph=True, allow_unused=True)
    for (k, t), g in zip(named, gs):
        arrays[f"grad_{name}.{k}"] = (torch.zeros_like(t) if g is None else g).numpy()


grads("global", l_global, [("image_global", image_global), ("report", report),
                           ("logit_scale", global_temp.logit_scale)])
grads("image", l_image, [("image_tokens", image_tokens), ("sentences", sentences),
                         ("predictor.fc1.weight", predictor.fc1.weight), ("align.t2i_v.weight", align.t2i_v.weight)])
grads("text", l_text, [("image_tokens", image_tokens), ("sentences", sentences),
                       ("logit_scale", local_temp.logit_scale), ("align.i2t_q.weight", align.i2t_q.weight)])
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "align_losses.npz")
np.savez(out, **arrays)
print("wrote", out, "losses", float(l_global), float(l_image), float(l_text))
