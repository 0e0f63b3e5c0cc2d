"""Golden values for ResizeTest: PIL's BILINEAR resize of a float ('F' mode) image, the filter that
torchvision's Resize(antialias=True) follows. Debian's python3-pil on /usr/bin/python3.

Usage (from lib/prior): /usr/bin/python3 src/test/python/resize_golden.py > src/test/resources/golden/resize_bilinear.json
"""
import json
import sys

import numpy as np
import PIL
from PIL import Image

rng = np.random.RandomState(7)
source = rng.rand(7, 9).astype(np.float32)  # (H, W)
cases = []
for height, width in [(3, 4), (7, 9), (14, 18), (16, 5), (2, 2)]:
    out = Image.fromarray(source, mode="F").resize((width, height), Image.BILINEAR)
    cases.append({"height": height, "width": width, "pixels": np.asarray(out).ravel().tolist()})
json.dump({"generator": "src/test/python/resize_golden.py, Pillow " + PIL.__version__,
           "height": 7, "width": 9, "source": source.ravel().tolist(), "cases": cases}, sys.stdout, indent=1)
print()
