#!/usr/bin/env bash
# SIIM-ACR Pneumothorax Segmentation, the DICOM + RLE copy peers use (Kaggle dataset seesee/siim-train-test).
source "$(dirname "$0")/_common.sh"

usage() { cat <<TXT
usage: siim.sh help | fetch [ROOT] | prepare [ROOT] | verify DIR      (ROOT default $DEFAULT_ROOT)

What: train-rle.csv (header "ImageId, EncodedPixels") and dicom-images-train/<study>/<series>/<ImageId>.dcm.
Access: a Kaggle account, the kaggle CLI (pip install kaggle) and an API token.
Official route (fetch runs it in ROOT/siim):
  kaggle datasets download -d seesee/siim-train-test
prepare: unzips siim-train-test.zip in ROOT/siim and says where train-rle.csv landed.
verify:  the kit's loaders read DIR (holding train-rle.csv, or siim/ with it).
TXT
}

fetch() {
  local root="${1:-$DEFAULT_ROOT}"
  have kaggle || { usage; die "install the kaggle CLI and its API token, then rerun 'fetch'"; }
  mkdir -p "$root/siim"
  kaggle datasets download -d seesee/siim-train-test -p "$root/siim"
  echo "downloaded; now run: $0 prepare $root"
}

prepare() {
  local dir="${1:-$DEFAULT_ROOT}/siim"
  [[ -f "$dir/siim-train-test.zip" ]] || die "no $dir/siim-train-test.zip (run fetch first)"
  unzip_into "$dir/siim-train-test.zip" "$dir"
  local csv; csv="$(find "$dir" -maxdepth 3 -name train-rle.csv | head -n1)"
  [[ -n "$csv" ]] || die "train-rle.csv not found after unzipping"
  echo "prepared; now run: $0 verify $(dirname "$csv")"
}

case "${1:-help}" in
  help|-h|--help) usage ;;
  fetch) shift; fetch "$@" ;;
  prepare) shift; prepare "$@" ;;
  verify) verify_with siim "${2:-}" ;;
  *) usage; exit 2 ;;
esac
