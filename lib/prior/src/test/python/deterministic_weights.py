"""Weights given by a formula, so a golden test needs no multi-megabyte weight file.

Full-size torchvision ResNets have 11M-25M parameters: too big to commit. Instead every tensor of the
state_dict is filled from its position k in state_dict order (num_batches_tracked skipped) and its
name and shape, by the formula below; org.priorkit.testing.DeterministicWeights computes the same
numbers in Java (float64, then cast to float32), so only inputs and outputs go into the npz.

    base[i] = sin(0.731 * i + 0.113 * k), i = 0 .. numel-1 (row-major)
    running_var           : 1 + 0.25 * (base + 1)
    1-d "...weight"       : 1 + 0.1 * base          (norm scales)
    other 1-d             : 0.1 * base              (biases, running means)
    n-d (n >= 2)          : base * gain / sqrt(fan_in), fan_in = prod(shape[1:]), gain 2 for convs else 1
"""
import math

import numpy as np
import torch


def tensor_for(k, name, shape):
    n = int(np.prod(shape)) if len(shape) else 1
    base = np.sin(0.731 * np.arange(n, dtype=np.float64) + 0.113 * k)
    if name.endswith("running_var"):
        v = 1 + 0.25 * (base + 1)
    elif len(shape) == 1 and name.endswith("weight"):
        v = 1 + 0.1 * base
    elif len(shape) <= 1:
        v = 0.1 * base
    else:
        fan_in = int(np.prod(shape[1:]))
        v = base * (2.0 if len(shape) == 4 else 1.0) / math.sqrt(fan_in)
    return torch.from_numpy(v.reshape(shape).astype(np.float32))


def fill(module):
    """Overwrites every parameter and buffer of module; returns the (name, shape) list in order."""
    keys = []
    with torch.no_grad():
        k = 0
        for name, t in module.state_dict().items():
            if name.endswith("num_batches_tracked"):
                continue
            t.copy_(tensor_for(k, name, tuple(t.shape)))
            keys.append((name, tuple(t.shape)))
            k += 1
    return keys


def write_keys(path, keys):
    with open(path, "w") as f:
        for name, shape in keys:
            f.write(name + " " + ",".join(str(s) for s in shape) + "\n")
