#!/usr/bin/env bash
# jvm-sweep.sh — the bench server under four JVM settings (issue 17 §2): server pinned to core 0,
# the load generator to core 1, C = 100 and C = 1000 at 50 000 deliveries/s, each setting twice.
# Prints one line per run: deliveries/s, lost, latency p50/p99/max, server CPU per delivery, RSS.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"; cd "$root"; ./wirelab --version >/dev/null; J=cli/target/wirelab.jar
tmp="$(mktemp)"; trap 'rm -f "$tmp"' EXIT
declare -A CFG=( [A-default]="" [B-xmn16]="-Xms256m -Xmn16m -Xmx2g" [C-parallel]="-XX:+UseParallelGC -Xms256m -Xmx1g" [D-serial]="-XX:+UseSerialGC -Xms256m -Xmx1g" )
for run in 1 2; do
for name in A-default B-xmn16 C-parallel D-serial; do
for sc in "c100 100 50" "c1000 1000 5"; do
  set -- $sc
  port=$((3700 + RANDOM % 200))
  ( ulimit -n 20000; exec taskset -c 0 java ${CFG[$name]} -jar $J bench server --port $port ) > /dev/null 2>&1 &
  spid=$!
  for i in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.2; done
  ( ulimit -n 20000; taskset -c 1 java -jar $J bench chat --url ws://127.0.0.1:$port --clients $2 --senders 10 --rate $3 --duration 15 --warmup 5 --pid $spid --json ) 2>/dev/null > "$tmp"
  kill $spid; wait $spid 2>/dev/null
  python3 - "$name" "$1" "$run" "$tmp" <<'PY'
import json,sys
d=json.load(open(sys.argv[4])); l=d['latency']
print(f"{sys.argv[3]} {sys.argv[1]:11} {sys.argv[2]:6} del/s {d['deliveriesPerSecond']:8.0f} lost {d['lost']} p50 {l['p50Millis']:6.2f} p99 {l['p99Millis']:7.2f} max {l['maxMillis']:7.1f} cpu/del {d['serverCpuMicrosPerDelivery']:6.2f} rssEnd {d['serverRssEndKb']//1024} MB")
PY
done; done; done
