#!/usr/bin/env bash
# Wall time of the quickstart's `mvn verify` with two installed plugin versions, interleaved A B A B ...
# Usage: docs/perf/quickstart-ab.sh VERSION_A VERSION_B [RUNS]   (both installed in ~/.m2, e.g. with
#   sed -i '0,/<version>0.1.0-SNAPSHOT</s//<version>0.1.0-before</' pom.xml && ./mvnw -q install -DskipTests
#   -Dinvoker.skip=true in a worktree of the older commit)
# Prints one line per build: version, seconds, result; then the median of each.
set -euo pipefail
cd "$(dirname "$0")/../.."
a=$1; b=$2; runs=${3:-5}
out=${OUT:-target/quickstart-ab}; mkdir -p "$out"
for i in $(seq 1 "$runs"); do
  for v in "$a" "$b"; do
    start=$(date +%s.%N)
    if ./mvnw -B -q -o -f examples/quickstart/pom.xml verify -Dperfgate.version="$v" > "$out/$v-$i.log" 2>&1; then r=pass; else r=fail; fi
    end=$(date +%s.%N)
    printf '%s %d %.1f %s\n' "$v" "$i" "$(echo "$end - $start" | bc)" "$r" | tee -a "$out/times.txt"
  done
done
for v in "$a" "$b"; do
  printf '%s median ' "$v"; grep "^$v " "$out/times.txt" | tail -n "$runs" | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) " s"}'
done
