"""Golden values for TextEncoderTest: a BERT encoder written out with the module and parameter names of
Hugging Face's BertModel (embeddings.word_embeddings, encoder.layer.N.attention.self.query, ...), so the
state_dict the Java TextEncoder loads is the one a user exports from Bio_ClinicalBERT.

transformers is not installable here (no Debian package), so this is a re-implementation of
transformers' modeling_bert.py (post-LN, exact erf GELU, LayerNorm eps 1e-12, additive key mask), not a
comparison with transformers.BertModel itself.

Run with Debian's PyTorch: /usr/bin/python3 bert.py  (writes ../resources/golden/bert.npz)
"""
import math
import os

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden")

VOCAB, HIDDEN, LAYERS, HEADS, INTER, MAX_POS, TYPES, EPS = 50, 16, 2, 4, 32, 20, 2, 1e-12


class BertEmbeddings(nn.Module):
    def __init__(self):
        super().__init__()
        self.word_embeddings = nn.Embedding(VOCAB, HIDDEN)
        self.position_embeddings = nn.Embedding(MAX_POS, HIDDEN)
        self.token_type_embeddings = nn.Embedding(TYPES, HIDDEN)
        self.LayerNorm = nn.LayerNorm(HIDDEN, eps=EPS)

    def forward(self, ids, token_types):
        pos = torch.arange(ids.shape[1])[None, :]
        x = self.word_embeddings(ids) + self.token_type_embeddings(token_types) + self.position_embeddings(pos)
        return self.LayerNorm(x)


class BertSelfAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.query = nn.Linear(HIDDEN, HIDDEN)
        self.key = nn.Linear(HIDDEN, HIDDEN)
        self.value = nn.Linear(HIDDEN, HIDDEN)

    def forward(self, x, additive_mask):
        b, t, _ = x.shape
        split = lambda y: y.view(b, t, HEADS, HIDDEN // HEADS).transpose(1, 2)  # (B, H, T, d)
        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(HIDDEN // HEADS) + additive_mask  # (B, H, T, T)
        return (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, HIDDEN)


class BertSelfOutput(nn.Module):  # also the shape of BertOutput (in_dim differs)
    def __init__(self, in_dim):
        super().__init__()
        self.dense = nn.Linear(in_dim, HIDDEN)
        self.LayerNorm = nn.LayerNorm(HIDDEN, eps=EPS)

    def forward(self, h, residual):
        return self.LayerNorm(self.dense(h) + residual)


class BertAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.self = BertSelfAttention()
        self.output = BertSelfOutput(HIDDEN)

    def forward(self, x, mask):
        return self.output(self.self(x, mask), x)


class BertIntermediate(nn.Module):
    def __init__(self):
        super().__init__()
        self.dense = nn.Linear(HIDDEN, INTER)

    def forward(self, x):
        return F.gelu(self.dense(x))


class BertLayer(nn.Module):
    def __init__(self):
        super().__init__()
        self.attention = BertAttention()
        self.intermediate = BertIntermediate()
        self.output = BertSelfOutput(INTER)

    def forward(self, x, mask):
        a = self.attention(x, mask)
        return self.output(self.intermediate(a), a)


class BertEncoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = nn.ModuleList([BertLayer() for _ in range(LAYERS)])

    def forward(self, x, mask):
        for layer in self.layer:
            x = layer(x, mask)
        return x


class BertModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.embeddings = BertEmbeddings()
        self.encoder = BertEncoder()

    def forward(self, ids, attention_mask, token_types):
        additive = (1.0 - attention_mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
        return self.encoder(self.embeddings(ids, token_types), additive)


model = BertModel().eval()
with torch.no_grad():  # LayerNorm scales and shifts away from 1 / 0
    for name, p in model.named_parameters():
        if "LayerNorm" in name:
            p.copy_((1.0 if name.endswith("weight") else 0.0) + 0.2 * torch.randn_like(p))

B, T = 3, 7
ids = torch.randint(1, VOCAB, (B, T))
mask = torch.tensor([[1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 0, 0], [1, 1, 1, 0, 0, 0, 0]])
ids[mask == 0] = 0  # [PAD]
ids[:, 0] = 2  # [CLS]
types = torch.zeros(B, T, dtype=torch.long)
types[0, 4:] = 1
with torch.no_grad():
    hidden = model(ids, mask, types)
    hidden_no_types = model(ids, mask, torch.zeros_like(types))
arrays = {k: v.numpy() for k, v in model.state_dict().items()}
arrays.update(input_ids=ids.numpy(), attention_mask=mask.numpy(), token_type_ids=types.numpy(),
              hidden=hidden.numpy(), cls=hidden[:, 0].numpy(), hidden_no_types=hidden_no_types.numpy())
np.savez(os.path.join(GOLDEN, "bert.npz"), **arrays)
print("wrote bert.npz", len(model.state_dict()), "tensors", list(model.state_dict())[:6])
