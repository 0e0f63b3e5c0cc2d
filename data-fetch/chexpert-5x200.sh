#!/usr/bin/env bash
# CheXpert 5x200 zero-shot set, derived from CheXpert's train.csv (no separate download).
source "$(dirname "$0")/_common.sh"

usage() { cat <<TXT
usage: chexpert-5x200.sh help | fetch [ROOT] | prepare [ROOT] [--seed N] [--per-class N] | verify DIR

What: 1000 frontal CheXpert train images, 200 for each of Atelectasis, Cardiomegaly, Consolidation, Edema,
      Pleural Effusion, as PRIOR's JSON (chexpert_5x200.json, image_path relative to CheXpert-v1.0-small/).
Rule (peers' preprocessing, GLoRIA/MGCA): blank labels read as 0; exactly one of the five is 1 and the other
      four plus Enlarged Cardiomediastinum, Lung Lesion, Lung Opacity, Pneumonia, Pneumothorax, Pleural Other,
      Fracture, Support Devices are 0 ("No Finding" is free); then a seeded sample per class.
      Peers sampled with pandas, so the exact 1000 images differ from theirs; PRIOR's released JSON, if you
      have it, can be copied to ROOT/chexpert/chexpert_5x200.json instead.
Needs: CheXpert (chexpert.sh). fetch = prepare when CheXpert is present; otherwise exits 1.
TXT
}

prepare() {
  local root="$DEFAULT_ROOT"
  if [[ $# -gt 0 && "$1" != --* ]]; then root="$1"; shift; fi
  local dir="$root/chexpert"
  [[ -f "$dir/CheXpert-v1.0-small/train.csv" ]] || die "no $dir/CheXpert-v1.0-small/train.csv (see chexpert.sh help)"
  run_java org.priorkit.data.chexpert.Make5x200 "$dir" "$@"
}

case "${1:-help}" in
  help|-h|--help) usage ;;
  fetch|prepare) shift; prepare "$@" ;;
  verify) verify_with chexpert-5x200 "${2:-}" ;;
  *) usage; exit 2 ;;
esac
