#!/usr/bin/env bash
# CheXpert v1.0 small (Stanford AIMI, registration).
source "$(dirname "$0")/_common.sh"
PAGE=https://stanfordaimi.azurewebsites.net/datasets/8cbd9ed4-2eb9-4565-affc-111cf4f3ebe2

usage() { cat <<TXT
usage: chexpert.sh help | fetch [ROOT] | prepare [ROOT] | verify DIR      (ROOT default $DEFAULT_ROOT)

What: CheXpert-v1.0-small (about 11 GB): train.csv, valid.csv and train/, valid/ JPEGs.
Access: register and accept the research use agreement at Stanford AIMI:
  $PAGE
  The site then gives a personal, time-limited download link for CheXpert-v1.0-small.zip.
fetch: with CHEXPERT_URL set to that link, downloads ROOT/chexpert/CheXpert-v1.0-small.zip (wget -c);
       otherwise prints this and exits 1.
prepare: unzips it to ROOT/chexpert/CheXpert-v1.0-small/. The 5x200 zero-shot file: chexpert-5x200.sh.
verify:  the kit's loaders read DIR (holding CheXpert-v1.0-small/ or chexpert/CheXpert-v1.0-small/).
TXT
}

fetch() {
  local root="${1:-$DEFAULT_ROOT}"
  if [[ -z "${CHEXPERT_URL:-}" ]] || ! have wget; then
    usage; die "register at Stanford AIMI, set CHEXPERT_URL to your download link, install wget, rerun 'fetch'"
  fi
  mkdir -p "$root/chexpert"
  wget -c -O "$root/chexpert/CheXpert-v1.0-small.zip" "$CHEXPERT_URL"
  echo "downloaded; now run: $0 prepare $root"
}

prepare() {
  local dir="${1:-$DEFAULT_ROOT}/chexpert"
  [[ -f "$dir/CheXpert-v1.0-small.zip" ]] || die "no $dir/CheXpert-v1.0-small.zip (run fetch first)"
  unzip_into "$dir/CheXpert-v1.0-small.zip" "$dir"
  [[ -f "$dir/CheXpert-v1.0-small/train.csv" ]] || die "the zip did not contain CheXpert-v1.0-small/train.csv"
  echo "prepared $dir; now run: $0 verify $dir"
}

case "${1:-help}" in
  help|-h|--help) usage ;;
  fetch) shift; fetch "$@" ;;
  prepare) shift; prepare "$@" ;;
  verify) verify_with chexpert "${2:-}" ;;
  *) usage; exit 2 ;;
esac
