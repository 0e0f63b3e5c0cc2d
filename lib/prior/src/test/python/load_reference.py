"""PyTorch's own slowdown on a shared machine, the reference for `lib/kit bench --load N`.

Times training steps of a CLIP-style model of the tiny preset's size (ResNet-18 at a quarter of
torchvision's widths on 1x64x64 images, a 2-layer transformer text encoder of width 64 over 96 tokens,
global InfoNCE, AdamW; batch 16) first on a quiet machine, then while N busy processes compete for the
CPU, and prints the medians and the slowdown, as `kit bench --load N` does for the kit's stages.

Run with Debian's PyTorch (apt-get install python3-torch), the machine otherwise quiet:
    /usr/bin/python3 lib/prior/src/test/python/load_reference.py --threads 2 --load 4
"""
import argparse
import multiprocessing as mp
import statistics
import time

import torch
import torch.nn.functional as F
from torch import nn


def block(cin, cout, stride):
    down = None if stride == 1 and cin == cout else nn.Sequential(
        nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    class Basic(nn.Module):
        def __init__(self):
            super().__init__()
            self.c1, self.b1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout)
            self.c2, self.b2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout)
            self.down = down

        def forward(self, x):
            y = self.b2(self.c2(F.relu(self.b1(self.c1(x)))))
            return F.relu(y + (x if self.down is None else self.down(x)))

    return Basic()


class Clip(nn.Module):
    def __init__(self, width=16, dim=64, vocab=1000, tokens=96):
        super().__init__()
        w = [width, 2 * width, 4 * width, 8 * width]
        layers = [nn.Conv2d(1, w[0], 7, 2, 3, bias=False), nn.BatchNorm2d(w[0]), nn.ReLU(), nn.MaxPool2d(3, 2, 1)]
        cin = w[0]
        for i, c in enumerate(w):
            layers += [block(cin, c, 1 if i == 0 else 2), block(c, c, 1)]
            cin = c
        self.image = nn.Sequential(*layers)
        self.image_proj = nn.Linear(w[-1], dim)
        self.embed = nn.Embedding(vocab, dim)
        self.position = nn.Parameter(torch.zeros(tokens, dim))
        layer = nn.TransformerEncoderLayer(dim, 4, 2 * dim, dropout=0.1, batch_first=True)
        self.text = nn.TransformerEncoder(layer, 2)
        self.text_proj = nn.Linear(dim, dim)
        self.log_scale = nn.Parameter(torch.tensor(1 / 0.07).log())

    def forward(self, images, ids):
        u = self.image_proj(self.image(images).mean(dim=(2, 3)))  # (B, D)
        v = self.text_proj(self.text(self.embed(ids) + self.position).mean(dim=1))  # (B, D)
        logits = F.normalize(u, dim=1) @ F.normalize(v, dim=1).T * self.log_scale.exp()  # (B, B)
        target = torch.arange(len(u))
        return (F.cross_entropy(logits, target) + F.cross_entropy(logits.T, target)) / 2


def spin():
    x = 0
    while True:  # pure CPU work, no system calls; terminated when the timing ends
        x = (x * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF


def median_step_ms(model, optimizer, steps, batch):
    times = []
    for i in range(steps + 3):  # 3 warm-up steps
        images, ids = torch.randn(batch, 1, 64, 64), torch.randint(5, 1000, (batch, 96))
        t0 = time.perf_counter()
        optimizer.zero_grad()
        model(images, ids).backward()
        optimizer.step()
        if i >= 3:
            times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--threads", type=int, default=2, help="PyTorch intra-op threads (default 2)")
    p.add_argument("--load", type=int, default=4, help="busy processes competing for the CPU (default 4)")
    p.add_argument("--steps", type=int, default=20, help="timed steps each way (default 20)")
    p.add_argument("--batch", type=int, default=16)
    a = p.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(a.threads)
    model = Clip()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    quiet = median_step_ms(model, optimizer, a.steps, a.batch)
    busy = [mp.Process(target=spin, daemon=True) for _ in range(a.load)]
    for b in busy:
        b.start()
    try:
        loaded = median_step_ms(model, optimizer, a.steps, a.batch)
    finally:
        for b in busy:
            b.terminate()
            b.join()
    print(f"PyTorch {torch.__version__}, {a.threads} thread(s), batch {a.batch}: median {quiet:.1f} ms/step quiet, "
          f"{loaded:.1f} ms/step while {a.load} busy processes compete: {loaded / quiet:.1f}x slower")


if __name__ == "__main__":
    main()
