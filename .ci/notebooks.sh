#!/usr/bin/env bash
# Executes every notebook headlessly on the kit's kernel:
#   notebooks/*.ipynb            as a student gets them: the only cells allowed to fail are the exercise checks
#                                (tagged "check"), and each must fail, with "exercise not done yet", on the stub;
#   notebooks/solutions/*.ipynb  the same notebooks with the exercises solved: no cell may fail.
# Usage: .ci/notebooks.sh [NAME.ipynb | solutions/NAME.ipynb ...]   (default: all of them)
#
# Assumes the kit is built: mvn -f lib/pom.xml package -DskipTests (or install).
# Uses Debian's Jupyter (/usr/bin/jupyter, /usr/bin/python3), not the first python3 on the PATH.
# Env: JAVA_FOR_KERNEL (java executable or JDK home for the kernel; default: java on the PATH),
#      PRIOR_DEVICE (passed to notebooks; default auto), OMP_NUM_THREADS (default 1), other PRIOR_* knobs likewise (see
#      org.priorkit.notebook.Knobs), NOTEBOOKS_KEEP (a folder to keep the executed notebooks in).
set -euo pipefail
shopt -s nullglob

repo=$(cd "$(dirname "$0")/.." && pwd)
jar="$repo/lib/kernel/target/prior-kernel.jar"
[[ -f "$jar" ]] || { echo "notebooks.sh: $jar missing; run: mvn -f lib/pom.xml package -DskipTests" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A private kernelspec: nothing is installed into the user's Jupyter.
java_opt=()
[[ -n "${JAVA_FOR_KERNEL:-}" ]] && java_opt=(--java "$JAVA_FOR_KERNEL")
java -jar "$jar" install --prefix "$work/prefix" --name prior-java "${java_opt[@]}"
export JUPYTER_PATH="$work/prefix/share/jupyter"
export JUPYTER_DATA_DIR="$work/data" JUPYTER_RUNTIME_DIR="$work/runtime"
export PRIOR_DEVICE="${PRIOR_DEVICE:-auto}"
# CI checks that every cell runs, not what the model learns: a 10% set and 8 steps per stage (24 in all)
# instead of the notebook preset's 3-minute run on the full set (a student's default).
export PRIOR_DATA_SCALE="${PRIOR_DATA_SCALE:-0.1}" PRIOR_EPOCHS="${PRIOR_EPOCHS:-1}" PRIOR_MAX_STEPS="${PRIOR_MAX_STEPS:-8}"
# One PyTorch intra-op thread: the tiny preset's ops are small, and on a busy 2-core machine two threads
# mostly wait for each other. Measured here: 10 segmentation steps 10-20x faster (0.7 s instead of 10 s).
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"

notebooks=()
if (( $# > 0 )); then
    for name in "$@"; do
        rel=$name; [[ $rel == solutions/* ]] || rel=$(basename "$name")
        [[ -f "$repo/notebooks/$rel" ]] || { echo "notebooks.sh: no notebooks/$rel" >&2; exit 2; }
        notebooks+=("$repo/notebooks/$rel")
    done
else
    notebooks=("$repo"/notebooks/*.ipynb "$repo"/notebooks/solutions/*.ipynb)
fi

status=0
total_start=$(date +%s)
for nb in "${notebooks[@]}"; do
    name=$(basename "$nb")
    if [[ $nb == */solutions/* ]]; then label="solutions/$name"; out="$work/out/solutions"; allow=()
    else label=$name; out="$work/out"; allow=(--allow-errors); fi   # exercise checks must fail: checked below
    log="$work/${label//\//_}.log"
    start=$(date +%s)
    # Run from the notebook's folder, as Jupyter does, so relative paths in %load etc. resolve.
    if (cd "$(dirname "$nb")" && /usr/bin/jupyter nbconvert --to notebook --execute "${allow[@]}" \
            --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.kernel_name=prior-java \
            --output-dir "$out" "$nb" >"$log" 2>&1); then
        echo "ok    $label ($(( $(date +%s) - start )) s)"
    else
        echo "FAIL  $label"; sed 's/^/      /' "$log" | tail -40
        status=1
    fi
done

if [[ -n "${NOTEBOOKS_KEEP:-}" && -d "$work/out" ]]; then
    mkdir -p "$NOTEBOOKS_KEEP" && cp -r "$work/out/"* "$NOTEBOOKS_KEEP/"
fi
echo "total $(( $(date +%s) - total_start )) s for ${#notebooks[@]} notebook(s)"

# A student's notebook may fail only in its exercise check, and that check must fail on the stub.
if compgen -G "$work/out/*.ipynb" > /dev/null; then
    /usr/bin/python3 - "$work"/out/*.ipynb <<'PY' || status=1
import json, sys
bad = []
for path in sys.argv[1:]:
    name = path.rsplit("/", 1)[-1]
    for i, cell in enumerate(json.load(open(path))["cells"]):
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        text = " ".join(o.get("evalue", "") + " " + " ".join(o.get("traceback", [])) for o in errors)
        if "check" in cell.get("metadata", {}).get("tags", []):
            if "exercise not done yet" not in text:
                bad.append("%s cell %d: the exercise check passed (or failed otherwise) on the stub: %s" % (name, i, text[:200] or "no error"))
        elif errors:
            bad.append("%s cell %d: %s" % (name, i, text[:300]))
if bad:
    sys.exit("FAIL  student notebooks:\n      " + "\n      ".join(bad))
print("ok    student notebooks fail only in their exercise checks, each with 'exercise not done yet'")
PY
fi

# 00-setup must really have shown a picture and an HTML table, not just run.
if [[ -f "$work/out/00-setup.ipynb" ]]; then
    /usr/bin/python3 - "$work/out/00-setup.ipynb" <<'PY' || status=1
import json, sys
cells = json.load(open(sys.argv[1]))["cells"]
kinds = {mime for c in cells if c["cell_type"] == "code"
         for o in c.get("outputs", []) for mime in o.get("data", {})}
missing = [m for m in ("image/png", "text/html") if m not in kinds]
if missing:
    sys.exit("FAIL  00-setup.ipynb has no %s output" % " or ".join(missing))
print("ok    00-setup.ipynb shows image/png and text/html")
PY
fi

# No notebook may print a warning that is not about the student's input (slf4j, DJL, libtorch, Java), nor DJL's INFO chatter.
if compgen -G "$work/out/*.ipynb" > /dev/null; then
    /usr/bin/python3 - "$work"/out/*.ipynb "$work"/out/solutions/*.ipynb <<'PY' || status=1
import json, re, sys
pattern = re.compile(r"WARN|Warning|SLF4J|deprecated|\[W\d{4} |INFO ai\.djl")
bad = []
for path in sys.argv[1:]:
    for i, cell in enumerate(json.load(open(path))["cells"]):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                for line in "".join(out["text"]).splitlines():
                    if pattern.search(line):
                        bad.append("%s cell %d: %s" % (path.rsplit("/", 1)[-1], i, line[:160]))
if bad:
    sys.exit("FAIL  warnings in notebook output:\n      " + "\n      ".join(bad))
print("ok    no warnings in the notebooks' output")
PY
fi
exit $status
