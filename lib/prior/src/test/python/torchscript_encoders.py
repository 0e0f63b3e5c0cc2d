"""Tiny TorchScript encoders for TorchScriptImageEncoderTest and TorchScriptTextEncoderTest.

They stand in for a user's exported ResNet-50 / Bio_ClinicalBERT and follow the same signatures:
  image: forward(image (B, 1, H, W) float32) -> feature map (B, C, h, w)
  text : forward(input_ids (B, T) int64, attention_mask (B, T) int64) -> (hidden (B, T, D), pooled (B, D)),
         a tuple like Hugging Face's BertModel traced with torchscript=True (only hidden is used).
Writes ../resources/torchscript/{tiny_image,tiny_text}.pt and ../resources/golden/torchscript_encoders.npz.

Run with Debian's PyTorch: /usr/bin/python3 torchscript_encoders.py
"""
import math
import os

import numpy as np
import torch
from torch import nn

torch.manual_seed(0)
HERE = os.path.dirname(os.path.abspath(__file__))
TS = os.path.join(HERE, "..", "resources", "torchscript")
GOLDEN = os.path.join(HERE, "..", "resources", "golden")


class TinyImage(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, stride=2, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(4)
        self.conv2 = nn.Conv2d(4, 8, 3, stride=2, padding=1)

    def forward(self, x):
        return self.conv2(torch.relu(self.bn1(self.conv1(x))))


class TinyText(nn.Module):
    def __init__(self, vocab=30, dim=8, max_len=16):
        super().__init__()
        self.word = nn.Embedding(vocab, dim)
        self.pos = nn.Embedding(max_len, dim)
        self.value = nn.Linear(dim, dim)
        self.norm = nn.LayerNorm(dim)

    def forward(self, input_ids, attention_mask):
        t = input_ids.size(1)
        x = self.word(input_ids) + self.pos(torch.arange(t, device=input_ids.device))[None]  # (B, T, D)
        scores = x @ x.transpose(1, 2) / math.sqrt(self.value.in_features)  # (B, T, T)
        scores = scores.masked_fill(attention_mask[:, None, :] == 0, -1e9)
        hidden = self.norm(x + scores.softmax(-1) @ self.value(x))  # (B, T, D)
        return hidden, hidden[:, 0].tanh()


image_net = TinyImage()
with torch.no_grad():
    image_net.bn1.running_mean.uniform_(-0.5, 0.5)
    image_net.bn1.running_var.uniform_(0.5, 2)
image_net.eval()
image = torch.randn(2, 1, 16, 20)
traced_image = torch.jit.trace(image_net, image)
traced_image.save(os.path.join(TS, "tiny_image.pt"))

text_net = TinyText().eval()
ids = torch.randint(1, 30, (2, 6))
mask = torch.tensor([[1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 0, 0]])
ids[mask == 0] = 0
traced_text = torch.jit.trace(text_net, (ids, mask))
traced_text.save(os.path.join(TS, "tiny_text.pt"))

with torch.no_grad():
    fmap = traced_image(image)
    hidden, _ = traced_text(ids, mask)
    assert torch.allclose(fmap, image_net(image)) and torch.allclose(hidden, text_net(ids, mask)[0])
    image2 = torch.randn(1, 1, 24, 24)  # traced convs accept other sizes
    fmap2 = traced_image(image2)
np.savez(os.path.join(GOLDEN, "torchscript_encoders.npz"), image=image.numpy(), feature_map=fmap.numpy(),
         image2=image2.numpy(), feature_map2=fmap2.numpy(), input_ids=ids.numpy(), attention_mask=mask.numpy(),
         hidden=hidden.numpy())
print("wrote tiny_image.pt, tiny_text.pt", tuple(fmap.shape), tuple(hidden.shape))
