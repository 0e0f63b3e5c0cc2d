"""Golden values for org.priorkit.recon.ImageDecoder and ImageReconstructionLoss.

Tiny decoder: C = 8 image channels, D = 8 context channels, stride 4 (two x2 blocks), 2 x 2 token
grid, min channels 1 (widths 16 -> 8 -> 4 -> 1). Eval output (running statistics), train output
(batch statistics, dropout off so the numbers are deterministic), and the L1 loss against a 12 x 12
image resized (bilinear) to 8 x 8, with gradients.

Run with Debian's PyTorch: /usr/bin/python3 image_decoder.py  (writes ../resources/golden/image_decoder.npz)
"""
import os

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
B, C, D, SIDE, STRIDE = 2, 8, 8, 2, 4


class UpBlock(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)

    def forward(self, x):
        x = F.interpolate(x, scale_factor=2, mode="nearest")
        x = F.relu(self.bn1(self.conv1(x)))
        return F.relu(self.bn2(self.conv2(x)))


class ImageDecoder(nn.Module):
    def __init__(self, c, d, stride, p=0.5, min_channels=8):
        super().__init__()
        widths = [c + d]
        for _ in range(stride.bit_length() - 1):
            widths.append(max(widths[-1] // 2, min_channels))
        self.blocks = nn.Sequential(*[UpBlock(a, b) for a, b in zip(widths, widths[1:])])
        self.head = nn.Conv2d(widths[-1], 1, 3, padding=1)
        self.drop = nn.Dropout2d(p)

    def forward(self, tokens, context):
        b, l, c = tokens.shape
        side = int(round(l ** 0.5))
        image_map = tokens.transpose(1, 2).reshape(b, c, side, side)  # flatten(2).transpose(1, 2) inverted
        context_map = context.transpose(1, 2).reshape(b, context.shape[2], side, side)
        x = torch.cat([self.drop(image_map), context_map], dim=1)
        return self.head(self.blocks(x))


def reconstruction_loss(recon, image):
    target = image.detach()
    if target.shape[-2:] != recon.shape[-2:]:
        target = F.interpolate(target, size=recon.shape[-2:], mode="bilinear", align_corners=False)
    return (recon - target).abs().mean()


dec = ImageDecoder(C, D, STRIDE, p=0.0, min_channels=1)
with torch.no_grad():
    for m in dec.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.uniform_(-0.5, 0.5)
            m.running_var.uniform_(0.5, 2)
            m.weight.uniform_(0.5, 1.5)
            m.bias.uniform_(-0.3, 0.3)
tokens = torch.randn(B, SIDE * SIDE, C, requires_grad=True)
context = torch.randn(B, SIDE * SIDE, D, requires_grad=True)
image = torch.randn(B, 1, 12, 12)

arrays = {"dec." + k: v.detach().numpy().copy() for k, v in dec.state_dict().items()}
dec.eval()
out_eval = dec(tokens, context)
dec.train()
out_train = dec(tokens, context)
loss = reconstruction_loss(out_train, image)
wrt = [("tokens", tokens), ("context", context), ("blocks.0.conv1.weight", dec.blocks[0].conv1.weight),
       ("blocks.1.bn2.weight", dec.blocks[1].bn2.weight), ("head.weight", dec.head.weight)]
gs = torch.autograd.grad(loss, [t for _, t in wrt])
arrays.update(tokens=tokens.detach().numpy(), context=context.detach().numpy(), image=image.numpy(),
              out_eval=out_eval.detach().numpy(), out_train=out_train.detach().numpy(),
              resized=F.interpolate(image, size=(8, 8), mode="bilinear", align_corners=False).numpy(),
              loss=loss.detach().numpy())
for (k, _), g in zip(wrt, gs):
    arrays["grad." + k] = g.numpy()
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "image_decoder.npz")
np.savez(out, **arrays)
print("wrote", out, "loss", float(loss), "out", tuple(out_eval.shape))
