#!/usr/bin/env bash
# Benchmark of the embedded load engine against wrk, both driving nginx on loopback (127.0.0.1 only).
# nginx (1 worker) is pinned to core 0, the generator to core 1. Needs: apt-get install -y nginx-light wrk
# Usage: docs/perf/engine-bench.sh [OUT_DIR]   (from the project root, after mvn test-compile)
set -euo pipefail
OUT=${1:-/tmp/perfgate-bench}
mkdir -p "$OUT/www" "$OUT/logs"
python3 -c "print('<html><body>' + 'x'*580 + '</body></html>')" > "$OUT/www/index.html"   # 607 bytes
cat > "$OUT/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $OUT/nginx.pid;
error_log $OUT/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nodelay on;
    keepalive_requests 100000000;
    keepalive_timeout 120s;
    server { listen 127.0.0.1:8080 backlog=1024; root $OUT/www; }
}
CONF
cat > "$OUT/delay6.lua" <<'LUA'
-- wrk has no rate option: each connection waits 6 ms before its next request -> about 5000 req/s with 32
function delay()
   return 6
end
LUA
mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
CP="target/classes:target/test-classes:$(cat target/cp.txt)"
URL=http://127.0.0.1:8080/index.html
taskset -c 0 nginx -c "$OUT/nginx.conf" -p "$OUT/" &
NGINX=$!
trap 'kill $NGINX; wait $NGINX 2>/dev/null || true' EXIT
sleep 1
engine() { taskset -c 1 java -Xmx256m -cp "$CP" dev.perfgate.load.EngineBenchmark url=$URL "$@" 2>&1 | grep -v SLF4J; }
wrk_timed() { /usr/bin/time -f "wrk user=%U sys=%S wall=%e" taskset -c 1 wrk "$@" $URL 2>&1; }

for round in 1 2 3; do   # (a) closed-model maximum throughput, interleaved
  wrk_timed -t1 -c32 -d10s > "$OUT/a-wrk-$round.txt"
  engine model=closed connections=32 duration=10 warmup=5 > "$OUT/a-engine-$round.txt"
done
for round in 1 2; do     # (b) CPU per request at about 5000 req/s
  wrk_timed -t1 -c32 -d20s -s "$OUT/delay6.lua" > "$OUT/b-wrk-$round.txt"
  engine model=open rate=5000 connections=32 duration=20 warmup=5 > "$OUT/b-engine-$round.txt"
done
# send lag at a moderate rate
engine model=open rate=2000 connections=32 duration=20 warmup=5 trials=2 > "$OUT/lag-2000.txt"
# (c) memory: closed model as fast as it goes, 5 x 60 s in one JVM with a 256 MB heap, GC log
taskset -c 1 java -Xmx256m -Xlog:gc:file="$OUT/c-gc.log" -cp "$CP" dev.perfgate.load.EngineBenchmark url=$URL \
    model=closed connections=32 duration=60 warmup=5 trials=5 2>&1 | grep -v SLF4J > "$OUT/c-engine.txt"
