#!/usr/bin/env bash
# Interleaved A/B on the quickstart: A/A false alarms, an injected slowdown, and the figures of ab-quality.md.
# Needs the plugin installed (./mvnw -q install -DskipTests -Dinvoker.skip=true). Collected runs go to $OUT
# (default target/ab-quality): one directory per run with run.json, ab-baseline.json, result.json and the build log.
#   docs/perf/ab-quality.sh aa N                one build per run: HEAD against HEAD (the same code both sides)
#   docs/perf/ab-quality.sh slow FRACTION N     the candidate does FRACTION more CPU work in /search than its parent
#   docs/perf/ab-quality.sh analyse             paired decisions at several margins, plus a simulation from the pairs
#   docs/perf/ab-quality.sh cost [VARIANT...]   memory and CPU of the services (peak RSS and CPU time per service JVM,
#                                               sampled 2x/s) for the variants single, side-by-side (A/B) and
#                                               restart-per-trial (A/B with restartPerTrial); all three by default
# PAIRS (default 15), DURATION (default 4s) and RATE (default 200 req/s, both the quickstart's) shape every run; FIRST (default 1) numbers the first
# new run, to add runs to a series already collected in $OUT.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-$PWD/target/ab-quality}
PAIRS=${PAIRS:-15}
DURATION=${DURATION:-4s}
RATE=${RATE:-200}
FIRST=${FIRST:-1}
mode=${1:-}

# The quickstart as a git repository of its own: commit A is the quickstart with its slowdown knob read from the code
# (not the pom, whose JVM options both versions share), commit B (only for "slow") raises the knob's default.
repo() {
  local slow=$1 dir
  dir=$(mktemp -d)/quickstart
  mkdir -p "$dir" && cp -r examples/quickstart/pom.xml examples/quickstart/src "$dir/"
  sed -i '/quickstart.searchSlowdown=\${quickstart.searchSlowdown}/d' "$dir/pom.xml"
  # the pom's own <duration> and <rate> would win over -Dperfgate.duration and -Dperfgate.rate
  # (and <trials>, for the single run of "cost": in A/B mode the pairs replace the trials)
  sed -i "s|<duration>4s</duration>|<duration>$DURATION</duration>|; s|<rate>200</rate>|<rate>$RATE</rate>|;
    s|<trials>6</trials>|<trials>$PAIRS</trials>|" "$dir/pom.xml"
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

# Samples every service JVM (example.QuickstartService) twice a second while the build runs: per pid its peak RSS
# and last CPU time, then the peak of their summed RSS. /proc is read directly so a JVM that just exited is skipped.
sample() { # $1 build pid, $2 output file
  local peak_sum=0
  while kill -0 "$1" 2>/dev/null; do
    local sum=0
    for p in $(pgrep -f example.QuickstartService || true); do
      local stat rss
      stat=$(cat /proc/$p/stat 2>/dev/null) || continue
      rss=$(awk '/VmRSS/ {print $2}' /proc/$p/status 2>/dev/null) || continue
      [ -n "$rss" ] || continue
      sum=$((sum + rss))
      # utime + stime (fields 14, 15) in clock ticks
      echo "$p $rss $(echo "$stat" | awk '{print $14 + $15}')" >> "$2.raw"
    done
    [ "$sum" -gt "$peak_sum" ] && peak_sum=$sum
    sleep 0.5
  done
  local hz; hz=$(getconf CLK_TCK)
  awk -v hz="$hz" '{ if ($2 > rss[$1]) rss[$1] = $2; cpu[$1] = $3 }
    END { for (p in rss) printf "service pid %s: peak RSS %.0f MB, CPU %.1f s\n", p, rss[p] / 1024, cpu[p] / hz }' \
    "$2.raw" | sort > "$2"
  echo "peak RSS of the services together: $((peak_sum / 1024)) MB" >> "$2"
  rm -f "$2.raw"
}

cost() { # $1 label, $2 repo, then Maven arguments
  local label=$1 dir=$2 dest="$OUT/cost"; shift 2
  mkdir -p "$dest"
  local start=$(date +%s)
  ./mvnw -B -ntp -f "$dir/pom.xml" verify "$@" > "$dest/$label.log" 2>&1 &
  local build=$!
  sample "$build" "$dest/$label.txt"
  wait "$build" && result=pass || result=fail
  echo "## $label: build $result in $(( $(date +%s) - start )) s ($*)"
  cat "$dest/$label.txt"
}

case "$mode" in
  cost)
    dir=$(repo 0)
    shift
    for variant in "${@:-single side-by-side restart-per-trial}"; do
      for v in $variant; do
        case "$v" in
          # the single run as long as one side of the pairs (its gates against the committed baseline do not matter)
          single) cost single "$dir" ;;
          side-by-side) cost side-by-side "$dir" -Dperfgate.baselineRef=HEAD -Dperfgate.pairs="$PAIRS" ;;
          restart-per-trial) cost restart-per-trial "$dir" -Dperfgate.baselineRef=HEAD -Dperfgate.pairs="$PAIRS" \
            -Dperfgate.restartPerTrial=true ;;
          *) echo "unknown cost variant $v" >&2; exit 2 ;;
        esac
      done
    done ;;
  aa)
    dir=$(repo 0)
    for i in $(seq "$FIRST" $(( FIRST + ${2:-20} - 1 ))); do measure aa "$dir" HEAD "$i"; done ;;
  slow)
    dir=$(repo "$2")
    for i in $(seq "$FIRST" $(( FIRST + ${3:-20} - 1 ))); do measure "slow-$2" "$dir" HEAD~1 "$i"; done ;;
  analyse)
    ./mvnw -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
    java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" dev.perfgate.gate.AbQuality "$OUT" ;;
  *) echo "usage: $0 aa N | slow FRACTION N | analyse | cost [VARIANT...]" >&2; exit 2 ;;
esac
