"""Golden values for MultiHeadAttentionTest and FeedForwardTest.

A reference multi-head attention with the kit's parameter names (q_proj, k_proj, v_proj, out_proj),
checked here against torch.nn.functional.multi_head_attention_forward with the same weights, and a
Linear-GELU-Linear feed-forward block (fc1, fc2) with PyTorch's exact (erf) GELU.

Run with Debian's PyTorch: /usr/bin/python3 multi_head_attention.py
(writes ../resources/golden/multi_head_attention.npz and feed_forward.npz)
"""
import math
import os

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden")


class MultiHeadAttention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.q_proj = nn.Linear(dim, dim)
        self.k_proj = nn.Linear(dim, dim)
        self.v_proj = nn.Linear(dim, dim)
        self.out_proj = nn.Linear(dim, dim)

    def forward(self, q, k, v, key_mask=None):  # key_mask (B, Lk) bool, True = real token
        b, lq, d = q.shape
        lk = k.shape[1]
        h = self.heads
        q = self.q_proj(q).view(b, lq, h, d // h).transpose(1, 2)  # (B, H, Lq, d)
        k = self.k_proj(k).view(b, lk, h, d // h).transpose(1, 2)  # (B, H, Lk, d)
        v = self.v_proj(v).view(b, lk, h, d // h).transpose(1, 2)  # (B, H, Lk, d)
        logits = (q / math.sqrt(d // h)) @ k.transpose(-1, -2)     # (B, H, Lq, Lk)
        if key_mask is not None:
            real = key_mask[:, None, None, :]
            logits = logits.masked_fill(~real, -1e9)
            w = logits.softmax(-1) * real
        else:
            w = logits.softmax(-1)
        out = (w @ v).transpose(1, 2).reshape(b, lq, d)
        return self.out_proj(out), w


B, LQ, LK, D, H = 2, 3, 5, 8, 2
mha = MultiHeadAttention(D, H).eval()
query, key, value = torch.randn(B, LQ, D), torch.randn(B, LK, D), torch.randn(B, LK, D)
key_mask = torch.tensor([[True] * LK, [True, True, True, False, False]])
with torch.no_grad():
    out, weights = mha(query, key, value, key_mask)
    out_nomask, _ = mha(query, key, value)
    # Sanity check against PyTorch's own implementation (sequence-first layout).
    ref, ref_w = F.multi_head_attention_forward(
        query.transpose(0, 1), key.transpose(0, 1), value.transpose(0, 1), D, H,
        torch.cat([mha.q_proj.weight, mha.k_proj.weight, mha.v_proj.weight]),
        torch.cat([mha.q_proj.bias, mha.k_proj.bias, mha.v_proj.bias]),
        None, None, False, 0.0, mha.out_proj.weight, mha.out_proj.bias,
        training=False, key_padding_mask=~key_mask, need_weights=True, average_attn_weights=False)
    assert torch.allclose(ref.transpose(0, 1), out, atol=1e-6), "reference differs from F.multi_head_attention_forward"
    assert torch.allclose(ref_w, weights, atol=1e-6)
    assert torch.all(weights[1, :, :, 3:] == 0)

arrays = {k: v.numpy() for k, v in mha.state_dict().items()}
arrays.update(query=query.numpy(), key=key.numpy(), value=value.numpy(), key_mask=key_mask.numpy(),
              output=out.numpy(), weights=weights.numpy(), output_nomask=out_nomask.numpy())
np.savez(os.path.join(GOLDEN, "multi_head_attention.npz"), **arrays)


class FeedForward(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))  # exact erf GELU, as BERT


ff = FeedForward(D, 4 * D).eval()
x = torch.randn(B, LQ, D) * 2
with torch.no_grad():
    y = ff(x)
arrays = {k: v.numpy() for k, v in ff.state_dict().items()}
arrays.update(input=x.numpy(), output=y.numpy())
np.savez(os.path.join(GOLDEN, "feed_forward.npz"), **arrays)
print("wrote multi_head_attention.npz, feed_forward.npz")
