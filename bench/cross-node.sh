#!/usr/bin/env bash
# Deliveries that cross a Redis cluster (issue 16, see docs/benchmarks.md): a redis-server and two
# Socket.IO nodes on core 0, the generator on core 1. The senders connect to node A, every other
# client to node B, so 9 of 10 deliveries cross Redis (A publishes, B fans out).
#   bench/cross-node.sh                         every pair, every rate (~6 min)
#   PAIRS="wirelab:wirelab node:node" RATES="200 1000" bench/cross-node.sh
# PAIRS are SENDER_NODE:RECEIVER_NODE with wirelab or node; RATES are broadcasts per second
# (10 senders; each broadcast reaches all CLIENTS). JSON per run in bench/results/cross-node/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/processes.sh

DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
DRAIN="${DRAIN:-5}"
CLIENTS="${CLIENTS:-100}"
SENDERS=10
PAIRS="${PAIRS:-wirelab:wirelab node:node wirelab:node node:wirelab}"
RATES="${RATES:-200 1000 2000 3000 5000}"
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:-@$root/scripts/server.jvm}"
results="$root/bench/results/cross-node"
wirelab_jar="$root/cli/target/wirelab.jar"
mkdir -p "$results"
command -v redis-server >/dev/null || { echo "cross-node: redis-server not found (apt-get install redis-server)" >&2; exit 1; }
./wirelab --version >/dev/null
[[ -d bench/node-server/node_modules/@socket.io/redis-adapter ]] || (cd bench/node-server && npm ci --no-audit --no-fund --loglevel=error)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$redis_dir"; }
redis_dir="$(mktemp -d)"
trap cleanup EXIT

redis_port="$(free_port)"
taskset -c 0 redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
  --dir "$redis_dir" --daemonize no >"$results/redis.log" 2>&1 &
redis_pid=$!
pids+=("$redis_pid")
for _ in $(seq 100); do redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done

# Starts one node on core 0 and waits for its "ready" line; prints its pid.
start_node() {
  local kind="$1" port="$2"
  local redis="redis://127.0.0.1:$redis_port"
  case "$kind" in
    wirelab) start_pinned "cross-node: $kind" "$results/$kind-$port.log" \
               java $SERVER_JAVA_OPTS -jar "$wirelab_jar" bench server --port "$port" --redis "$redis" ;;
    node) start_pinned "cross-node: $kind" "$results/$kind-$port.log" \
            node "$root/bench/node-server/server.js" "$port" --redis "$redis" ;;
    *) echo "cross-node: unknown node '$kind' (wirelab, node)" >&2; return 1 ;;
  esac
  echo "$started_pid"
}

printf '| sender → receiver | broadcasts/s | deliveries/s | lost | p50 ms | p99 ms | p99.9 ms | max ms | CPU µs/deliv B | A | Redis |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
for pair in $PAIRS; do
  sender="${pair%%:*}" receiver="${pair##*:}"
  for rate in $RATES; do
    port_a="$(free_port)" port_b="$(free_port)"
    pid_a="$(start_node "$sender" "$port_a")"
    pid_b="$(start_node "$receiver" "$port_b")"
    pids+=("$pid_a" "$pid_b")
    out="$results/$sender-$receiver-$rate.json"
    if ( ulimit -n 20000; exec taskset -c 1 java -jar "$wirelab_jar" bench chat \
        --url "ws://127.0.0.1:$port_b" --sender-url "ws://127.0.0.1:$port_a" \
        --clients "$CLIENTS" --senders "$SENDERS" --rate $((rate / SENDERS)) \
        --duration "$DURATION" --warmup "$WARMUP" --drain "$DRAIN" \
        --pid "$pid_b" --also-pid "$pid_a" --also-pid "$redis_pid" --json ) >"$out" 2>"$out.err"; then
      node -e '
        const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        const [a, redis] = process.argv.slice(3).map((pid) => r.otherCpuMicrosPerDelivery[pid]);
        const f = (v, d = 2) => (v == null ? "-" : v.toFixed(d));
        const l = r.latency;
        console.log(`| ${process.argv[2]} | ${r.senders * r.rate} | ${Math.round(r.deliveriesPerSecond)} | ${r.lost} | ` +
          `${f(l.p50Millis, 1)} | ${f(l.p99Millis, 1)} | ${f(l.p999Millis, 1)} | ${f(l.maxMillis, 1)} | ` +
          `${f(r.serverCpuMicrosPerDelivery)} | ${f(a)} | ${f(redis)} |`);
      ' "$out" "$sender → $receiver" "$pid_a" "$redis_pid"
    else
      echo "| $sender → $receiver | $rate | failed: $(tail -1 "$out.err") |"
    fi
    stop_pid "$pid_a"
    stop_pid "$pid_b"
  done
done
