# Shared by the data-fetch scripts: find java and the kit's class path, then run a Java entry point.
# Class path, first that works:
#   1. $PRIOR_CLASSPATH (e.g. from your IDE or `mvn dependency:build-classpath`)
#   2. lib/prior/target/classes + a cached lib/prior/target/data-fetch.classpath, made once with
#      `mvn -q -f lib/pom.xml -pl prior compile dependency:build-classpath` (needs Maven, runs offline
#      once the dependencies are in ~/.m2).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEFAULT_ROOT="${PRIOR_DATA:-$REPO/data/real}"

die() { echo "error: $*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

java_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then echo "$JAVA_HOME/bin/java"
  elif have java; then echo java
  else die "java 17+ not found (set JAVA_HOME or put java on PATH)"; fi
}

kit_classpath() {
  if [[ -n "${PRIOR_CLASSPATH:-}" ]]; then echo "$PRIOR_CLASSPATH"; return; fi
  local classes="$REPO/lib/prior/target/classes" cache="$REPO/lib/prior/target/data-fetch.classpath"
  # (Re)build when never built or when a source file changed since the last build.
  if [[ ! -f "$classes/org/priorkit/data/verify/Verify.class" || ! -s "$cache" \
        || -n "$(find "$REPO/lib/prior/src/main" -newer "$cache" -name '*.java' -print -quit)" ]]; then
    have mvn || die "set PRIOR_CLASSPATH, or install Maven so the kit can be compiled once"
    echo "building the kit's class path once (mvn compile) ..." >&2
    mvn -q -B -f "$REPO/lib/pom.xml" -pl prior compile dependency:build-classpath \
        -Dmdep.includeScope=runtime -Dmdep.outputFile="$cache" >&2 || die "mvn failed"
  fi
  echo "$classes:$(cat "$cache")"
}

# run_java CLASS ARGS... : runs a kit entry point, exit code passed through.
run_java() {
  local cls="$1"; shift
  "$(java_bin)" -Djava.awt.headless=true -cp "$(kit_classpath)" "$cls" "$@"
}

# verify_with NAME DIR : the Java loaders check the data set (exit 0 ok, 1 problems).
verify_with() {
  [[ -n "${2:-}" ]] || die "usage: $(basename "$0") verify DIR"
  run_java org.priorkit.data.verify.Verify "$1" "$2"
}

# unzip_into ZIP DIR : unzip once (skips files already there).
unzip_into() {
  have unzip || die "unzip not found"
  mkdir -p "$2" && unzip -q -n "$1" -d "$2"
}
