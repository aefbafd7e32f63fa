#!/usr/bin/env bash
# Runs every scenario against every server and prints one table (see docs/benchmarks.md):
#   bench/side-by-side.sh                       20 s per run after a 5 s warm-up (~15 min)
#   DURATION=10 WARMUP=3 bench/side-by-side.sh  shorter
#   SERVERS="wirelab node" SCENARIOS="c1000 idle" bench/side-by-side.sh
#   GENERATOR=node bench/side-by-side.sh        the generator built on the official socket.io-client
#   SERVERS="floor wirelab floor-io_uring wirelab-io_uring" ...   the floor and the io_uring transport
# Each run restarts the server pinned to core 0 and the generator pinned to core 1, both with
# 20 000 open files allowed; everything stays on 127.0.0.1. JSON results go to bench/results/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/processes.sh

DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-5}"
DRAIN="${DRAIN:-5}"
PORT="${PORT:-3900}"
SERVERS="${SERVERS:-wirelab node netty-socketio}"
SCENARIOS="${SCENARIOS:-c100 c1000 c5000 saturation idle}"
# java: ./wirelab bench chat (a Netty client); node: bench/node-generator (socket.io-client).
GENERATOR="${GENERATOR:-java}"
# Both JVM servers run with the settings ./wirelab gives its servers (scripts/server.jvm, where
# each one is explained), so what is measured here is what a user runs.
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:-@$root/scripts/server.jvm}"
# On a machine shared with other work, NICE=-10 (as root) keeps it from stealing the two cores.
NICE="${NICE:-0}"
server_pid=""
results="$root/bench/results"
[[ "$GENERATOR" == java ]] || results="$root/bench/results/$GENERATOR-generator"
mkdir -p "$results"

# name: clients senders rate mode
declare -A SCENARIO=(
  [c100]="100 10 50 chat"
  [c1000]="1000 10 5 chat"
  [c5000]="5000 10 1 chat"
  [saturation]="1000 10 50 chat"
  [idle]="19000 0 0 idle"
  # Issue 17 §3, cost against the work (bench/chart.mjs draws them): about 50 000 deliveries/s
  # at growing C (the integer rate makes C = 300 and 3 000 land at 52 500 and 45 000) ...
  [c300]="300 25 7 chat"
  [c3000]="3000 5 3 chat"
  [c10000]="10000 5 1 chat"
  # ... and a growing rate at C = 1 000, up to saturation.
  [r100k]="1000 10 10 chat"
  [r200k]="1000 10 20 chat"
  [r350k]="1000 10 35 chat"
  [r700k]="1000 10 70 chat"
)

wirelab_jar="$root/cli/target/wirelab.jar"
peer_jar="$root/bench/peers/netty-socketio/target/netty-socketio-bench-server.jar"

build() {
  ./wirelab --version >/dev/null
  [[ -f "$peer_jar" ]] || mvn -B -q -f bench/peers/netty-socketio/pom.xml package -DskipTests
  [[ -d bench/node-server/node_modules ]] || (cd bench/node-server && npm ci --no-audit --no-fund --loglevel=error)
  [[ -d bench/node-generator/node_modules ]] || (cd bench/node-generator && npm ci --no-audit --no-fund --loglevel=error)
}

server_command() {
  case "$1" in
    wirelab) echo "java $SERVER_JAVA_OPTS -jar $wirelab_jar bench server --port $PORT" ;;
    wirelab-io_uring) echo "java $SERVER_JAVA_OPTS -jar $wirelab_jar bench server --port $PORT --io io_uring" ;;
    floor) echo "java $SERVER_JAVA_OPTS -jar $wirelab_jar bench floor --port $PORT" ;;
    floor-io_uring) echo "java $SERVER_JAVA_OPTS -jar $wirelab_jar bench floor --port $PORT --io io_uring" ;;
    node) echo "node $root/bench/node-server/server.js $PORT" ;;
    netty-socketio) echo "java $SERVER_JAVA_OPTS -jar $peer_jar $PORT" ;;
    *) echo "side-by-side: unknown server '$1' (wirelab, wirelab-io_uring, floor, floor-io_uring, node, netty-socketio)" >&2; return 1 ;;
  esac
}

# Starts a server on core 0 and waits for its "ready" line; sets server_pid.
start_server() {
  start_pinned "side-by-side: $1" "$results/$1.log" $(server_command "$1")
  server_pid="$started_pid"
}

stop_server() {
  [[ -z "$server_pid" ]] || stop_pid "$server_pid"
}

run_one() {
  local server="$1" scenario="$2" clients senders rate mode out
  read -r clients senders rate mode <<<"${SCENARIO[$scenario]:?unknown scenario $scenario}"
  out="$results/$server-$scenario.json"
  local args=(--url "ws://127.0.0.1:$PORT" --clients "$clients" --duration "$DURATION"
              --pid "$server_pid" --json --connect-timeout 120 --drain "$DRAIN")
  if [[ "$mode" == idle ]]; then
    args+=(--idle)
  else
    args+=(--senders "$senders" --rate "$rate" --warmup "$WARMUP")
  fi
  echo "side-by-side: $server $scenario (C=$clients ${mode/chat/S=$senders R=$rate})" >&2
  local generator=(java -jar "$wirelab_jar" bench chat)
  [[ "$GENERATOR" == java ]] || generator=(node "$root/bench/node-generator/generate.mjs")
  if ! ( ulimit -n 20000; exec nice -n "$NICE" taskset -c 1 "${generator[@]}" "${args[@]}" ) >"$out.tmp" 2>"$results/$server-$scenario.err"; then
    echo "side-by-side: generator failed for $server $scenario: $(tail -1 "$results/$server-$scenario.err")" >&2
    rm -f "$out.tmp"
    return 0
  fi
  mv "$out.tmp" "$out"
}

build
trap 'stop_server' EXIT
for scenario in $SCENARIOS; do
  for server in $SERVERS; do
    # A fresh port per run: no socket of the previous run can be in the way.
    PORT=$((PORT + 1))
    rm -f "$results/$server-$scenario.json"
    start_server "$server"
    run_one "$server" "$scenario"
    stop_server
  done
done
trap - EXIT
node bench/table.mjs "$results" $SCENARIOS -- $SERVERS
