#!/usr/bin/env bash
# Locust through perfgate: how much finer perfgate's exact samples are than Locust's own percentiles, and what
# perfgate's listener costs Locust. Needs: locust (apt-get install python3-locust), the quickstart compiled
# (./mvnw -q install -DskipTests -Dinvoker.skip=true && ./mvnw -q -f examples/quickstart/pom.xml compile).
#   [USER_CLASS=HttpUser] docs/perf/locust.sh precision [SECONDS] [USERS]   one run, both views of the same requests
#                                                     (FastHttpUser by default)
#   docs/perf/locust.sh overhead [ROUNDS] [SECONDS]   max req/s of Locust with and without the listener, alternating
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:-precision}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -Xmx256m -Dsun.net.httpserver.nodelay=true -cp examples/quickstart/target/classes example.QuickstartService "$port" \
  > "$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
cp src/main/resources/dev/perfgate/load/tool/perfgate_locustfile.py "$work/"
cat > "$work/locustfile.py" <<'PY'
from locust import FastHttpUser, HttpUser, task, constant
import os
class Visitor(FastHttpUser if os.environ.get("USER_CLASS", "FastHttpUser") == "FastHttpUser" else HttpUser):
    wait_time = constant(float(os.environ.get("WAIT", "0")))
    @task
    def search(self):
        self.client.get("/search?q=latency", name="GET /search")
PY

run() { # $1 = with|without, $2 seconds, $3 users, $4 wait; prints the output file
  local files="$work/locustfile.py"
  [ "$1" = with ] && files="$files,$work/perfgate_locustfile.py"
  (cd "$work" && WAIT=$4 PERFGATE_SAMPLES="$work/samples.json" locust -f "$files" --headless -u "$3" -r "$3" \
     -t "${2}s" -H "http://127.0.0.1:$port" --only-summary --exit-code-on-error 0 --stop-timeout 5 \
     > "$work/out-$1.log" 2>&1)
  echo "$work/out-$1.log"
}

case "$mode" in
precision)
  seconds=${2:-20}; users=${3:-8}
  out=$(run with "$seconds" "$users" 0.01)
  echo "Locust's own percentiles (ms, bucketed):"
  grep -A3 'Response time percentiles' "$out" | tail -2
  python3 - "$work/samples.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["requests"]["GET /search"]["micros"]
values = sorted((int(k), v) for k, v in d.items())
n = sum(v for _, v in values)
def pct(p):
    target, seen = p / 100 * n, 0
    for value, count in values:
        seen += count
        if seen >= target:
            return value / 1000
print(f"perfgate's samples (ms, exact to the µs), {n} requests, {len(values)} distinct values:")
print("  " + "  ".join(f"p{p}={pct(p):.3f}" for p in (50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99, 100)))
PY
  ;;
overhead)
  rounds=${2:-3}; seconds=${3:-15}
  for r in $(seq "$rounds"); do
    for variant in without with; do
      out=$(run "$variant" "$seconds" 4 0)
      rps=$(grep -E '^\s+Aggregated' "$out" | head -1 | awk '{print $(NF-1)}')
      echo "round $r $variant listener: $rps req/s"
    done
  done
  ;;
*) echo "usage: $0 precision|overhead" >&2; exit 2 ;;
esac
