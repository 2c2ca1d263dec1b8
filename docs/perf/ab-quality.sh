#!/usr/bin/env bash
# Interleaved A/B on the quickstart: A/A false alarms, an injected slowdown, and the figures of ab-quality.md.
# Needs the plugin installed (./mvnw -q install -DskipTests -Dinvoker.skip=true). Collected runs go to $OUT
# (default target/ab-quality): one directory per run with run.json, ab-baseline.json, result.json and the build log.
#   docs/perf/ab-quality.sh aa N                one build per run: HEAD against HEAD (the same code both sides)
#   docs/perf/ab-quality.sh slow FRACTION N     the candidate does FRACTION more CPU work in /search than its parent
#   docs/perf/ab-quality.sh analyse             paired decisions at several margins, plus a simulation from the pairs
# PAIRS (default 15) and DURATION (default 4s, the quickstart's) shape every run.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-$PWD/target/ab-quality}
PAIRS=${PAIRS:-15}
DURATION=${DURATION:-4s}
mode=${1:-}

# The quickstart as a git repository of its own: commit A is the quickstart with its slowdown knob read from the code
# (not the pom, whose JVM options both versions share), commit B (only for "slow") raises the knob's default.
repo() {
  local slow=$1 dir
  dir=$(mktemp -d)/quickstart
  mkdir -p "$dir" && cp -r examples/quickstart/pom.xml examples/quickstart/src "$dir/"
  sed -i '/quickstart.searchSlowdown=\${quickstart.searchSlowdown}/d' "$dir/pom.xml"
  # the pom's own <duration> would win over -Dperfgate.duration
  sed -i "s|<duration>4s</duration>|<duration>$DURATION</duration>|" "$dir/pom.xml"
  (cd "$dir" && git init -q -b main && git -c user.email=perf@perfgate.dev -c user.name=perf add . \
     && git -c user.email=perf@perfgate.dev -c user.name=perf commit -qm A)
  if [ "$slow" != 0 ]; then
    sed -i "s/System.getProperty(\"quickstart.searchSlowdown\", \"0\")/System.getProperty(\"quickstart.searchSlowdown\", \"$slow\")/" \
      "$dir/src/main/java/example/QuickstartService.java"
    (cd "$dir" && git -c user.email=perf@perfgate.dev -c user.name=perf commit -qam "B: $slow more work in /search")
  fi
  echo "$dir"
}

measure() { # $1 label, $2 repo, $3 ref, $4 run number
  local dest="$OUT/$1/run-$4"
  mkdir -p "$dest"
  local start=$(date +%s)
  if ./mvnw -B -ntp -f "$2/pom.xml" verify -Dperfgate.baselineRef="$3" -Dperfgate.pairs="$PAIRS" \
       > "$dest/build.log" 2>&1; then result=pass; else result=fail; fi
  cp "$2"/target/perfgate/{run.json,ab-baseline.json,result.json} "$dest/" 2>/dev/null || true
  echo "$1 run $4: build $result in $(( $(date +%s) - start )) s"
}

case "$mode" in
  aa)
    dir=$(repo 0)
    for i in $(seq "${2:-20}"); do measure aa "$dir" HEAD "$i"; done ;;
  slow)
    dir=$(repo "$2")
    for i in $(seq "${3:-20}"); do measure "slow-$2" "$dir" HEAD~1 "$i"; done ;;
  analyse)
    ./mvnw -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
    java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" dev.perfgate.gate.AbQuality "$OUT" ;;
  *) echo "usage: $0 aa N | slow FRACTION N | analyse" >&2; exit 2 ;;
esac
