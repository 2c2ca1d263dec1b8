#!/usr/bin/env bash
# Collects the measurements behind docs/perf/decision-quality.md: back-to-back quickstart builds against its
# committed baseline (A/A), and builds with an injected slowdown of /search (power). Every run's run.json and
# result.json are kept under $OUT for the analysis (DecisionQuality, see the .md for the command).
#
#   docs/perf/decision-quality.sh aa 20            # 20 A/A builds: mvn verify, unchanged code
#   docs/perf/decision-quality.sh slow 0.10 8      # 8 builds with /search doing 10 % more work
#   docs/perf/decision-quality.sh rounds 8 1 3 6    # 8 rounds of: an A/A build, then builds with a 1, 3 and 6 ms
#                                                  # sleep in /search, interleaved so that drift hits all alike
#   docs/perf/decision-quality.sh analyse          # the tables of decision-quality.md from what was collected
#
# Run it on an otherwise idle machine; the plugin must be installed first (./mvnw -q install -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-/work/dq}
mkdir -p "$OUT"
mode=$1
run_build() { # $1 = directory for the results, rest = extra Maven arguments
  local dir=$1; shift
  mkdir -p "$dir"
  local start=$(date +%s)
  # check fails the build for a failed gate: that is a result here, not an error
  if mvn -B -ntp -q -f examples/quickstart/pom.xml verify "$@" >"$dir/build.log" 2>&1; then
    echo pass >"$dir/outcome"
  else
    echo fail >"$dir/outcome"
  fi
  echo $(( $(date +%s) - start )) >"$dir/seconds"
  cp examples/quickstart/target/perfgate/run.json examples/quickstart/target/perfgate/result.json "$dir/" || true
  echo "$dir: $(cat "$dir/outcome") in $(cat "$dir/seconds") s"
}
case "$mode" in
  aa)
    n=${2:-20}
    for i in $(seq 1 "$n"); do run_build "$OUT/aa/$(date +%s)-$i"; done ;;
  slow)
    level=$2; n=${3:-8}
    for i in $(seq 1 "$n"); do run_build "$OUT/slow-$level/$(date +%s)-$i" -Dquickstart.searchSlowdown="$level"; done ;;
  rounds)
    n=$2; shift 2
    for i in $(seq 1 "$n"); do
      run_build "$OUT/aa/$(date +%s)-r$i"
      for d in "$@"; do run_build "$OUT/delay-$d/$(date +%s)-r$i" -Dquickstart.searchDelayMs="$d"; done
    done ;;
  analyse)
    ./mvnw -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
    java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" dev.perfgate.gate.DecisionQuality "$OUT" ;;
  *) echo "usage: $0 aa N | slow FRACTION N | rounds N DELAY_MS... | analyse" >&2; exit 2 ;;
esac
