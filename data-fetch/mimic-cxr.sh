#!/usr/bin/env bash
# MIMIC-CXR-JPG 2.0.0 images + tables and MIMIC-CXR 2.0.0 reports (PhysioNet, credentialed).
source "$(dirname "$0")/_common.sh"
JPG_URL=https://physionet.org/files/mimic-cxr-jpg/2.0.0/
REPORTS_URL=https://physionet.org/files/mimic-cxr/2.0.0/mimic-cxr-reports.zip

usage() { cat <<TXT
usage: mimic-cxr.sh help | fetch [ROOT] | prepare [ROOT] | verify DIR      (ROOT default $DEFAULT_ROOT)

What: MIMIC-CXR-JPG 2.0.0 (about 570 GB: files/, mimic-cxr-2.0.0-{metadata,split,chexpert,negbio}.csv.gz)
      and the free-text reports, mimic-cxr-reports.zip from MIMIC-CXR 2.0.0.
Access: a credentialed PhysioNet account that signed both projects' data use agreements.
Official route (fetch runs exactly this, in ROOT/physionet):
  wget -r -N -c -np --user USER --ask-password $JPG_URL
  wget -N -c --user USER --ask-password $REPORTS_URL
  (USER from \$PHYSIONET_USER; wget asks for the password)
prepare: links ROOT/mimic-cxr-jpg/2.0.0 to the download and unzips the reports to ROOT/mimic-cxr-reports/files.
verify:  the kit's loaders read DIR (the ROOT above, or data/synthetic) and report counts and problems.
TXT
}

fetch() {
  local root="${1:-$DEFAULT_ROOT}"
  if [[ -z "${PHYSIONET_USER:-}" ]] || ! have wget; then
    usage; die "set PHYSIONET_USER to your PhysioNet user name and install wget, then rerun 'fetch'"
  fi
  mkdir -p "$root/physionet" && cd "$root/physionet"
  wget -r -N -c -np --user "$PHYSIONET_USER" --ask-password "$JPG_URL"
  wget -N -c --user "$PHYSIONET_USER" --ask-password "$REPORTS_URL"
  echo "downloaded; now run: $0 prepare $root"
}

prepare() {
  local root="${1:-$DEFAULT_ROOT}" dl="${1:-$DEFAULT_ROOT}/physionet"
  local jpg="$dl/physionet.org/files/mimic-cxr-jpg/2.0.0"
  [[ -d "$jpg" ]] || die "no download at $jpg (run fetch first)"
  mkdir -p "$root/mimic-cxr-jpg"
  [[ -e "$root/mimic-cxr-jpg/2.0.0" ]] || ln -s "$jpg" "$root/mimic-cxr-jpg/2.0.0"
  [[ -f "$dl/mimic-cxr-reports.zip" ]] || die "no $dl/mimic-cxr-reports.zip"
  unzip_into "$dl/mimic-cxr-reports.zip" "$root/mimic-cxr-reports"
  # The zip holds files/p10/...; move it if it arrived one level deeper.
  if [[ ! -d "$root/mimic-cxr-reports/files" ]]; then
    local inner; inner="$(find "$root/mimic-cxr-reports" -maxdepth 3 -type d -name files | head -n1)"
    [[ -n "$inner" ]] && mv "$inner" "$root/mimic-cxr-reports/files"
  fi
  echo "prepared $root; now run: $0 verify $root"
}

case "${1:-help}" in
  help|-h|--help) usage ;;
  fetch) shift; fetch "$@" ;;
  prepare) shift; prepare "$@" ;;
  verify) verify_with mimic "${2:-}" ;;
  *) usage; exit 2 ;;
esac
