"""Golden values for SentencePoolingTest and ReportPoolingTest.

Sentence pooling reference: a plain loop (deliberately unlike the batched Java version): sentence s of
sample b = mean of the token features whose sentence index is s; index -1 ([CLS], [SEP], padding)
belongs to none; a sentence with no token is padding (mask False, features 0).

Report pooling reference: the masked mean of the real sentences is prepended as the query token and
attends over [mean; sentences] with torch.nn.functional.multi_head_attention_forward, padded sentences
excluded by key_padding_mask, no positional embedding; projections q_proj, k_proj, v_proj, c_proj.

Run with Debian's PyTorch: /usr/bin/python3 text_pooling.py
"""
import os

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden")

B, T, S, D, HEADS, DOUT = 3, 12, 4, 16, 8, 12

# sentence index per token: [CLS] s0 s0 s1 ... [SEP] pad: sample 0 has 4 sentences, 1 has 2, 2 has 1
index = torch.tensor([
    [-1, 0, 0, 0, 1, 1, 2, 2, 2, 3, 3, -1],
    [-1, 0, 0, 0, 1, 1, 1, -1, -1, -1, -1, -1],
    [-1, 0, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1],
])
tokens = torch.randn(B, T, D)
sentences = torch.zeros(B, S, D)
sentence_mask = torch.zeros(B, S, dtype=torch.bool)
for b in range(B):
    for s in range(S):
        sel = index[b] == s
        if sel.any():
            sentences[b, s] = tokens[b, sel].mean(0)
            sentence_mask[b, s] = True
np.savez(os.path.join(GOLDEN, "sentence_pooling.npz"), tokens=tokens.numpy(), sentence_index=index.numpy(),
         sentences=sentences.numpy(), sentence_mask=sentence_mask.numpy())


class ReportPooling(nn.Module):
    def __init__(self, dim, heads, out_dim):
        super().__init__()
        self.q_proj = nn.Linear(dim, dim)
        self.k_proj = nn.Linear(dim, dim)
        self.v_proj = nn.Linear(dim, dim)
        self.c_proj = nn.Linear(dim, out_dim)
        self.heads = heads

    def forward(self, sents, mask):  # (B, S, D), (B, S) bool
        m = mask.float()[..., None]
        mean = (sents * m).sum(1, keepdim=True) / m.sum(1, keepdim=True).clamp(min=1)  # (B, 1, D)
        x = torch.cat([mean, sents], 1).transpose(0, 1)  # (S+1, B, D)
        keep = torch.cat([torch.ones(sents.shape[0], 1, dtype=torch.bool), mask], 1)  # (B, S+1)
        out, _ = F.multi_head_attention_forward(
            query=x[:1], key=x, value=x, embed_dim_to_check=x.shape[-1], num_heads=self.heads,
            q_proj_weight=self.q_proj.weight, k_proj_weight=self.k_proj.weight, v_proj_weight=self.v_proj.weight,
            in_proj_weight=None, in_proj_bias=torch.cat([self.q_proj.bias, self.k_proj.bias, self.v_proj.bias]),
            bias_k=None, bias_v=None, add_zero_attn=False, dropout_p=0,
            out_proj_weight=self.c_proj.weight, out_proj_bias=self.c_proj.bias,
            use_separate_proj_weight=True, training=False, key_padding_mask=~keep, need_weights=False)
        return out.squeeze(0)  # (B, Dout)


pool = ReportPooling(D, HEADS, DOUT).eval()
with torch.no_grad():
    report = pool(sentences, sentence_mask)
arrays = {k: v.numpy() for k, v in pool.state_dict().items()}
arrays.update(sentences=sentences.numpy(), sentence_mask=sentence_mask.numpy(), report=report.numpy())
np.savez(os.path.join(GOLDEN, "report_pooling.npz"), **arrays)
print("wrote sentence_pooling.npz, report_pooling.npz", tuple(report.shape))
