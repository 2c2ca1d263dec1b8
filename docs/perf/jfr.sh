#!/usr/bin/env bash
# docs/perf/jfr.md: what JFR costs the quickstart service, and how fast perfgate reads a recording.
#
#   docs/perf/jfr.sh throughput [ROUNDS]   closed model (16 connections), JFR off / default / profile alternating
#                                          within each round; prints each run's throughput and p50
#   docs/perf/jfr.sh analysis [FILE]       ProfileAnalyzer against `jfr summary` on the same file (default: the
#                                          whole-run recording the last throughput run left behind)
#
# Needs the plugin installed: ./mvnw -B -q install -DskipTests -Dinvoker.skip=true
set -euo pipefail
cd "$(dirname "$0")/../.."
qs=examples/quickstart
case "${1:-}" in
  throughput)
    rounds=${2:-4}
    ./mvnw -B -q -f $qs/pom.xml package -DskipTests >/dev/null
    for r in $(seq 1 "$rounds"); do
      for mode in off default profile; do
        case $mode in
          off) flags="-Dperfgate.jfr=false" ;;
          default) flags="-Dperfgate.jfrSettings=default" ;;
          profile) flags="-Dperfgate.jfrSettings=profile" ;;
        esac
        # shellcheck disable=SC2086
        ./mvnw -B -q -f $qs/pom.xml perfgate:run -Dperfgate.model=closed $flags >/dev/null
        python3 - "$r" "$mode" $qs/target/perfgate/run.json <<'PY'
import json, sys
run = json.load(open(sys.argv[3]))
s = run["overall"]["stats"]
per_trial = [t["overall"]["throughput"] for t in run["trials"]]
print(f"round {sys.argv[1]} jfr={sys.argv[2]:8s} throughput {s['throughput']:8.1f}/s  p50 {s['corrected']['p50']:.2f} ms"
      f"  trials {' '.join(f'{x:.0f}' for x in per_trial)}")
PY
      done
    done ;;
  analysis)
    file=${2:-$(ls -t $qs/target/perfgate/service-*.jfr | head -1)}
    ./mvnw -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
    java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" dev.perfgate.profile.JfrAnalysisSpeed "$file" 5 ;;
  *) sed -n '2,10p' "$0"; exit 2 ;;
esac
