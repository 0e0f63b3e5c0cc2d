#!/usr/bin/env bash
# Jupyter-level tests of the kit's kernel: protocol conformance (Debian's jupyter_kernel_test)
# and repeated cold starts (every start must give its first result; a hang is no result in 60 s).
#
# Assumes the kit is built: mvn -f lib/pom.xml package -DskipTests (or install).
# Uses Debian's /usr/bin/python3 (with jupyter_client, jupyter_kernel_test), not the first python3
# on the PATH.
# Env: KERNEL_STARTS (default 20), PRIOR_KERNEL_JAVA (JDK for the kernel; default: java on the PATH).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
[[ -f lib/kernel/target/prior-kernel.jar ]] || {
    echo "kernel-tests.sh: lib/kernel/target/prior-kernel.jar missing; run: mvn -f lib/pom.xml package -DskipTests" >&2
    exit 2
}
export JUPYTER_RUNTIME_DIR
JUPYTER_RUNTIME_DIR=$(mktemp -d)
trap 'rm -rf "$JUPYTER_RUNTIME_DIR"' EXIT

echo "== conformance (jupyter_kernel_test)"
/usr/bin/python3 -m unittest -v lib/kernel/src/test/python/test_kernel_conformance.py

echo "== ${KERNEL_STARTS:-20} cold starts"
/usr/bin/python3 lib/kernel/src/test/python/start_many.py "${KERNEL_STARTS:-20}"
