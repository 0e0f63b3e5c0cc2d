"""Golden values for StateDictTest: a tiny PyTorch MLP with BatchNorm and LayerNorm.

Run with Debian's PyTorch: /usr/bin/python3 state_dict_mlp.py  (writes ../resources/golden/state_dict_mlp.npz)
"""
import os
import numpy as np
import torch
from torch import nn

torch.manual_seed(0)


class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(3, 4)
        self.bn = nn.BatchNorm1d(4)
        self.head = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2))
        self.norm = nn.LayerNorm(2)

    def forward(self, x):
        return self.norm(self.head(self.bn(self.fc1(x))))


m = Tiny()
with torch.no_grad():  # non-trivial running statistics
    m.bn.running_mean.uniform_(-1, 1)
    m.bn.running_var.uniform_(0.5, 2)
    m.norm.weight.uniform_(0.5, 1.5)
    m.norm.bias.uniform_(-0.5, 0.5)
m.eval()
x = torch.randn(5, 3)
y = m(x)
arrays = {k: v.detach().numpy() for k, v in m.state_dict().items()}
arrays["input"] = x.numpy()
arrays["output"] = y.detach().numpy()
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "state_dict_mlp.npz")
np.savez(out, **arrays)
print("wrote", out, sorted(arrays))
