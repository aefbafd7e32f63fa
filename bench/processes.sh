# Sourced by bench/side-by-side.sh and bench/cross-node.sh: starting and stopping the servers
# they measure, each bounded.

# Runs COMMAND... pinned to core 0 with 20 000 open files and niceness $NICE (default 0), output
# to LOG, then waits at most 30 s for a line with "ready" in LOG. Sets started_pid: with exec it
# is the server's own process, the one /proc is read for.
start_pinned() {
  local name="$1" log="$2"
  shift 2
  # Removed first: the "ready" of a previous run must not be mistaken for this one's.
  rm -f "$log"
  ( ulimit -n 20000; exec nice -n "${NICE:-0}" taskset -c 0 "$@" ) >"$log" 2>&1 &
  started_pid=$!
  for _ in $(seq 300); do
    grep -qs ready "$log" && return 0
    kill -0 "$started_pid" 2>/dev/null || { echo "$name did not start:" >&2; tail -5 "$log" >&2; return 1; }
    sleep 0.1
  done
  echo "$name not ready within 30 s" >&2
  return 1
}

# SIGTERM, then SIGKILL if the process is still there after 10 s.
stop_pid() {
  kill "$1" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}
