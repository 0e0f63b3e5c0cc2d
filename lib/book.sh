#!/usr/bin/env bash
# lib/kit book [--quick] [--out DIR]: executes every notebook (notebooks/ and notebooks/solutions/) on the
# kit's kernel and writes an offline HTML book to DIR (default runs/book): index.html, one page per
# notebook with its outputs and plots inline, formulas rendered by a local MathJax (copied next to the
# pages), and timings.txt with the seconds each notebook took. Hand the folder out as it is: it loads
# nothing from the web.
#   --quick  CI's small settings (10% data, 8 steps per pretraining stage) instead of a student's
#            defaults (the full synthetic set and the notebook preset). PRIOR_* variables set by the
#            caller win over both (e.g. PRIOR_RUN=runs/run-all/pretrain-prior for a prebuilt run).
# Needs Debian's Jupyter (jupyter-nbconvert) and MathJax 2 (libjs-mathjax): .ci/install-deps.sh installs them.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo/runs/book"
quick=false
while (($#)); do
  case $1 in
    --quick) quick=true ;;
    --out) [[ $# -ge 2 ]] || { echo "book: --out needs a folder" >&2; exit 2; }; out=$2; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "book: unknown option '$1' (known: --quick, --out DIR)" >&2; exit 2 ;;
  esac
  shift
done
mathjax="${MATHJAX_DIR:-/usr/share/javascript/mathjax}"
[[ -x /usr/bin/jupyter ]] || { echo "book: needs Debian's Jupyter nbconvert (/usr/bin/jupyter): run .ci/install-deps.sh" >&2; exit 2; }
[[ -f $mathjax/MathJax.js ]] || { echo "book: needs MathJax 2 in $mathjax (apt install libjs-mathjax, or set MATHJAX_DIR)" >&2; exit 2; }
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if ! $quick; then   # a student's defaults, unless the caller chose otherwise
  export PRIOR_DATA_SCALE="${PRIOR_DATA_SCALE:-1.0}" PRIOR_EPOCHS="${PRIOR_EPOCHS:-0}" PRIOR_MAX_STEPS="${PRIOR_MAX_STEPS:-0}"
fi
rm -rf "$out/executed"
echo "book: executing every notebook and its solutions ($($quick && echo "CI's small settings" || echo "a student's settings"))..."
NOTEBOOKS_KEEP="$out/executed" "$repo/.ci/notebooks.sh" | tee "$out/timings.txt"

# MathJax 2: the loader, the TeX -> CommonHTML configuration, its extensions and web fonts (~1.5 MB).
rm -rf "$out/mathjax"
for part in MathJax.js config/TeX-AMS_CHTML.js extensions jax/input/TeX jax/output/CommonHTML jax/element fonts/HTML-CSS/TeX/woff; do
  [[ -e $mathjax/$part ]] || continue
  mkdir -p "$out/mathjax/$(dirname "$part")"
  cp -rL "$mathjax/$part" "$out/mathjax/$part"
done

page() {  # executed notebook, output folder, MathJax URL relative to the page
  /usr/bin/jupyter nbconvert --to html --log-level=WARN --HTMLExporter.mathjax_url="$3/MathJax.js?config=TeX-AMS_CHTML" \
    --output-dir "$2" "$1"
  local html; html="$2/$(basename "${1%.ipynb}").html"
  # Debian's template loads require.js from a file path of the machine that built it (only widgets use it).
  sed -i '/<script src="file:\/\/[^"]*require[^"]*"><\/script>/d' "$html"
}
rm -rf "$out/notebooks" "$out/solutions"
for nb in "$out"/executed/*.ipynb; do page "$nb" "$out/notebooks" ../mathjax; done
for nb in "$out"/executed/solutions/*.ipynb; do page "$nb" "$out/solutions" ../mathjax; done

/usr/bin/python3 - "$out" <<'PY'
import html, json, os, re, sys
out = sys.argv[1]
seconds = dict(re.findall(r"^ok +(\S+) \((\d+) s\)", open(os.path.join(out, "timings.txt")).read(), re.M))
rows = []
for name in sorted(os.listdir(os.path.join(out, "executed"))):
    if not name.endswith(".ipynb"):
        continue
    cells = json.load(open(os.path.join(out, "executed", name)))["cells"]
    title = next((l[2:].strip() for c in cells if c["cell_type"] == "markdown"
                  for l in "".join(c["source"]).splitlines() if l.startswith("# ")), name)
    stem = name[:-6]
    solved = os.path.exists(os.path.join(out, "solutions", stem + ".html"))
    rows.append("<tr><td><a href='notebooks/%s.html'>%s</a></td><td>%s</td><td>%s</td></tr>" % (
        stem, html.escape(title), "<a href='solutions/%s.html'>solved</a>" % stem if solved else "",
        seconds.get(name, "")))
page = """<!doctype html><html><head><meta charset="utf-8"><title>PRIOR kit: the notebooks</title>
<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}
table{border-collapse:collapse}td,th{padding:.3em .8em;border-bottom:1px solid #ddd;text-align:left}</style></head>
<body><h1>PRIOR kit: the notebooks</h1>
<p>Each notebook as it ran, with its outputs and plots; "solved" shows the same notebook with its exercise
done. <i>PRIOR: Prototype Representation Joint Learning from Medical Images and Reports</i> (Cheng et al.,
ICCV 2023, arXiv 2307.12577).</p>
<table><tr><th>notebook</th><th>exercise</th><th>seconds to run</th></tr>
%s
</table></body></html>
""" % "\n".join(rows)
open(os.path.join(out, "index.html"), "w").write(page)
PY
echo "book: $out/index.html ($(find "$out/notebooks" "$out/solutions" -name '*.html' | wc -l) pages)"
