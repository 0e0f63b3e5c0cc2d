"""Golden values for ResNetTest and ImageEncoderTest: torchvision's own ResNet-18 and ResNet-50 with a
1-channel conv1, no fc, eval mode (BatchNorm running statistics), feature maps C2..C5 of every stage;
and the same ResNet-18 followed by CLIP's AttentionPool2d (copied from openai/CLIP model.py, with the
square spacial_dim generalised to H x W).

Weights come from deterministic_weights.py (a formula Java recomputes), so the npz holds only inputs,
outputs and the list of torchvision parameter names and shapes (resnet18_keys.txt, resnet50_keys.txt).

Run with Debian's PyTorch + torchvision (apt-get install python3-torchvision): /usr/bin/python3 resnet.py
"""
import os

import numpy as np
import torch
import torch.nn.functional as F
import torchvision
from torch import nn

from deterministic_weights import fill, write_keys

torch.manual_seed(0)
GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden")


def one_channel(model):
    model.conv1 = nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3, bias=False)
    model.fc = nn.Identity()  # the kit's ResNet has no classifier
    return model.eval()


def stages(m, x):
    x = m.maxpool(m.relu(m.bn1(m.conv1(x))))
    c2 = m.layer1(x)
    c3 = m.layer2(c2)
    c4 = m.layer3(c3)
    c5 = m.layer4(c4)
    return c2, c3, c4, c5


class AttentionPool2d(nn.Module):
    """CLIP's AttentionPool2d; spacial_dim ** 2 replaced by h * w."""

    def __init__(self, h, w, embed_dim, num_heads, output_dim=None):
        super().__init__()
        self.positional_embedding = nn.Parameter(torch.randn(h * w + 1, embed_dim) / embed_dim ** 0.5)
        self.k_proj = nn.Linear(embed_dim, embed_dim)
        self.q_proj = nn.Linear(embed_dim, embed_dim)
        self.v_proj = nn.Linear(embed_dim, embed_dim)
        self.c_proj = nn.Linear(embed_dim, output_dim or embed_dim)
        self.num_heads = num_heads

    def forward(self, x):
        x = x.flatten(start_dim=2).permute(2, 0, 1)  # NCHW -> (HW)NC
        x = torch.cat([x.mean(dim=0, keepdim=True), x], dim=0)  # (HW+1)NC
        x = x + self.positional_embedding[:, None, :].to(x.dtype)  # (HW+1)NC
        x, _ = F.multi_head_attention_forward(
            query=x[:1], key=x, value=x,
            embed_dim_to_check=x.shape[-1], num_heads=self.num_heads,
            q_proj_weight=self.q_proj.weight, k_proj_weight=self.k_proj.weight, v_proj_weight=self.v_proj.weight,
            in_proj_weight=None, in_proj_bias=torch.cat([self.q_proj.bias, self.k_proj.bias, self.v_proj.bias]),
            bias_k=None, bias_v=None, add_zero_attn=False, dropout_p=0,
            out_proj_weight=self.c_proj.weight, out_proj_bias=self.c_proj.bias,
            use_separate_proj_weight=True, training=self.training, need_weights=False)
        return x.squeeze(0)


class ImageEncoder(nn.Module):
    def __init__(self, backbone, pool):
        super().__init__()
        self.backbone = backbone
        self.attnpool = pool

    def forward(self, x):
        c5 = stages(self.backbone, x)[-1]
        tokens = c5.flatten(2).transpose(1, 2)  # (B, I, C), I = h*w in row-major order
        return self.attnpool(c5), tokens


with torch.no_grad():
    # ResNet-18 at 48x48: C2..C5 are 12x12, 6x6, 3x3, 2x2 (odd sizes exercise the padding arithmetic)
    r18 = one_channel(torchvision.models.resnet18())
    write_keys(os.path.join(GOLDEN, "resnet18_keys.txt"), fill(r18))
    x = torch.randn(2, 1, 48, 48)
    c2, c3, c4, c5 = stages(r18, x)
    np.savez(os.path.join(GOLDEN, "resnet18.npz"), input=x.numpy(), c2=c2.numpy(), c3=c3.numpy(),
             c4=c4.numpy(), c5=c5.numpy())
    print("resnet18", [tuple(t.shape) for t in (c2, c3, c4, c5)], float(c5.abs().mean()))

    # ResNet-50 (Bottleneck, stride on the 3x3 conv as torchvision v1.5) at 32x32, batch 1
    r50 = one_channel(torchvision.models.resnet50())
    write_keys(os.path.join(GOLDEN, "resnet50_keys.txt"), fill(r50))
    x50 = torch.randn(1, 1, 32, 32)
    _, _, d4, d5 = stages(r50, x50)
    np.savez(os.path.join(GOLDEN, "resnet50.npz"), input=x50.numpy(), c4=d4.numpy(), c5=d5.numpy())
    print("resnet50", tuple(d4.shape), tuple(d5.shape), float(d5.abs().mean()))

    # Image encoder: ResNet-18 at 64x96 (C5 is 2x3, not square) + AttentionPool2d(8 heads, output 16)
    enc = ImageEncoder(r18, AttentionPool2d(2, 3, 512, 8, 16)).eval()
    write_keys(os.path.join(GOLDEN, "image_encoder_keys.txt"), fill(enc))
    xi = torch.randn(2, 1, 64, 96)
    g, tokens = enc(xi)
    c5 = stages(enc.backbone, xi)[-1]
    assert torch.equal(tokens[:, 4], c5[:, :, 1, 1])  # token i = map[:, :, i // W, i % W], W = 3
    np.savez(os.path.join(GOLDEN, "image_encoder.npz"), input=xi.numpy(), global_feature=g.numpy(),
             tokens=tokens.numpy())
    print("image encoder", tuple(g.shape), tuple(tokens.shape))

    # A tiny AttentionPool2d on its own, with random weights saved in the npz: C=16, 4 heads, 3x4 map
    pool = AttentionPool2d(3, 4, 16, 4, 8).eval()
    xp = torch.randn(2, 16, 3, 4)
    yp = pool(xp)
    arrays = {k: v.numpy() for k, v in pool.state_dict().items()}
    arrays.update(input=xp.numpy(), output=yp.numpy())
    np.savez(os.path.join(GOLDEN, "attention_pool2d.npz"), **arrays)
    print("attention pool", tuple(yp.shape))
