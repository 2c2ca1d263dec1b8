#!/usr/bin/env bash
# How often the root-cause diff names the right thing: the three regression fixtures of src/it (a hot method, an
# allocation-heavy path, a contended lock) and the unchanged service, each measured N times from scratch
# (perfgate:baseline, then mvn verify against it, both with JFR's 'profile' settings).
#
#   docs/perf/root-cause-quality.sh [N]     (default 10; ~45 s per run and fixture on a 2-core machine)
#   FIXTURES="alloc unchanged" docs/perf/root-cause-quality.sh 10     (some of them)
#
# Needs the IT projects prepared once (the plugin installed into target/local-repo, the it-service built):
#   ./mvnw verify -DskipTests -Dinvoker.test=setup-it-service,setup-it-parent,root-cause,root-cause-alloc,root-cause-lock
# Prints one line per run and a summary; raw logs go to target/root-cause-quality/.
set -uo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10}
out=target/root-cause-quality
mkdir -p "$out"
mvn=(./mvnw -B -o -s src/it/settings.xml -Dmaven.repo.local="$PWD/target/local-repo")

# fixture: IT project, the candidate's property, the pattern the first candidate must match
fixtures=(
  "hot|root-cause|-Dit.hotMs=12|ItService\.hot "
  "alloc|root-cause-alloc|-Dit.allocKb=4096|ItService(\.allocate|.Chunk) "
  "lock|root-cause-lock|-Dit.lockMs=60|ItService(.Registry|\.locked) "
  "unchanged|root-cause||"
)
declare -A hits runs
only=${FIXTURES:-hot alloc lock unchanged}   # e.g. FIXTURES="alloc unchanged" to measure some of them
for i in $(seq 1 "$n"); do
  for f in "${fixtures[@]}"; do
    IFS='|' read -r name project flag pattern <<<"$f"
    [[ " $only " == *" $name "* ]] || continue
    dir=target/it/$project
    log=$out/$name-$i.log
    "${mvn[@]}" -f "$dir/pom.xml" package perfgate:baseline >"$log" 2>&1
    # shellcheck disable=SC2086
    "${mvn[@]}" -f "$dir/pom.xml" verify $flag -Dmaven.test.skip=true >>"$log" 2>&1
    first=$(grep -m1 -o 'root cause candidate: .*' "$log" | sed 's/root cause candidate: //')
    count=$(grep -c 'root cause candidate: ' "$log")
    flagged=$(grep -c 'is not a valid measurement' "$log")
    runs[$name]=$(( ${runs[$name]:-0} + 1 ))
    if [ -z "$pattern" ]; then
      ok=$([ "$count" -eq 0 ] && echo yes || echo no)
    else
      ok=$(echo "$first" | grep -Eq "$pattern" && echo yes || echo no)
    fi
    [ "$ok" = yes ] && hits[$name]=$(( ${hits[$name]:-0} + 1 ))
    echo "run $i $name: ok=$ok candidates=$count flagged-trials=$flagged first: ${first:-none}"
  done
done
echo
for f in "${fixtures[@]}"; do
  IFS='|' read -r name _ _ _ <<<"$f"
  [[ " $only " == *" $name "* ]] || continue
  echo "summary $name: ${hits[$name]:-0} of ${runs[$name]:-0} runs as expected"
done
