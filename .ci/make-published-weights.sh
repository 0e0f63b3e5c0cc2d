#!/usr/bin/env bash
# Writes full-size weight files in the formats users download (about 1.3 GB, never committed) into
# lib/prior/target/published-weights with Debian's PyTorch and torchvision: torchvision's ResNet-50
# state dict, PRIOR's prior_resnet50.pt, a Lightning checkpoint with the official module names, and a
# Bio_ClinicalBERT-sized Hugging Face folder, plus PyTorch's forward passes (expected.npz).
# PublishedWeightsFullSizeTest reads them and FAILS under CI=true when they are missing.
# Usage: bash .ci/make-published-weights.sh [destination]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${1:-${PRIOR_PUBLISHED_WEIGHTS:-$repo/lib/prior/target/published-weights}}"
if ! /usr/bin/python3 -c 'import torch, torchvision' 2>/dev/null; then
    echo "make-published-weights: needs Debian's python3-torch and python3-torchvision (.ci/install-deps.sh)"
    exit 1
fi
/usr/bin/python3 "$repo/lib/prior/src/test/python/published_weights.py" full "$dest"
