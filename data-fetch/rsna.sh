#!/usr/bin/env bash
# RSNA Pneumonia Detection Challenge (Kaggle competition).
source "$(dirname "$0")/_common.sh"

usage() { cat <<TXT
usage: rsna.sh help | fetch [ROOT] | prepare [ROOT] | verify DIR      (ROOT default $DEFAULT_ROOT)

What: stage_2_train_labels.csv, stage_2_detailed_class_info.csv, stage_2_train_images/*.dcm (about 3.7 GB).
Access: a Kaggle account that accepted the competition rules, the kaggle CLI (pip install kaggle) and an API
        token (~/.kaggle/kaggle.json or KAGGLE_USERNAME/KAGGLE_KEY).
Official route (fetch runs it in ROOT/rsna):
  kaggle competitions download -c rsna-pneumonia-detection-challenge
prepare: unzips rsna-pneumonia-detection-challenge.zip in ROOT/rsna.
verify:  the kit's loaders read DIR (holding the CSVs, or rsna/ with them).
TXT
}

fetch() {
  local root="${1:-$DEFAULT_ROOT}"
  have kaggle || { usage; die "install the kaggle CLI and its API token, then rerun 'fetch'"; }
  mkdir -p "$root/rsna"
  kaggle competitions download -c rsna-pneumonia-detection-challenge -p "$root/rsna"
  echo "downloaded; now run: $0 prepare $root"
}

prepare() {
  local dir="${1:-$DEFAULT_ROOT}/rsna"
  [[ -f "$dir/rsna-pneumonia-detection-challenge.zip" ]] || die "no $dir/rsna-pneumonia-detection-challenge.zip"
  unzip_into "$dir/rsna-pneumonia-detection-challenge.zip" "$dir"
  echo "prepared $dir; now run: $0 verify $dir"
}

case "${1:-help}" in
  help|-h|--help) usage ;;
  fetch) shift; fetch "$@" ;;
  prepare) shift; prepare "$@" ;;
  verify) verify_with rsna "${2:-}" ;;
  *) usage; exit 2 ;;
esac
