"""Golden values for AdamWTest: three torch.optim.AdamW steps on fixed gradients.

Run: /usr/bin/python3 adamw_steps.py  (writes ../resources/golden/adamw_steps.npz)
"""
import os
import numpy as np
import torch

torch.manual_seed(1)
w = torch.randn(3, 4, requires_grad=True)
out = {"w0": w.detach().numpy().copy()}
opt = torch.optim.AdamW([w], lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1)
for t in range(3):
    g = torch.randn(3, 4)
    out[f"g{t}"] = g.numpy()
    w.grad = g.clone()
    opt.step()
    out[f"w{t + 1}"] = w.detach().numpy().copy()
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "adamw_steps.npz")
np.savez(path, **out)
print("wrote", path)
