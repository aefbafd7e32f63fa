#!/usr/bin/env bash
# Installs what the test suite needs on a Debian machine, idempotently: a package already
# present is not installed again, and npm ci runs only when a lock file changed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# libpcap for capture, tshark as the inspector's oracle, tcpdump for the benchmarks,
# redis-server for the cluster adapters' tests, faketime for scripts/suite-under.sh, Chromium and
# its driver for the browser tests. Node.js (for the official Socket.IO client) is only installed
# from Debian when no node is on the PATH already.
missing=()
dpkg-query -W -f='${Status}' libpcap0.8 2>/dev/null | grep -q "install ok installed" || missing+=(libpcap0.8)
for tool in tshark:tshark tcpdump:tcpdump redis-server:redis-server faketime:faketime chromium:chromium chromedriver:chromium-driver node:nodejs npm:npm; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool##*:}")
done
if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null; then
    echo "install-test-deps: missing ${missing[*]} and no apt-get here; install them by hand" >&2
    exit 1
  fi
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "install-test-deps: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Test peers from npm (the official socket.io-client, ...), pinned by their lock files.
while IFS= read -r lock; do
  dir="$(dirname "$lock")"
  stamp="$dir/node_modules/.wirelab-lock.sha256"
  sum="$(sha256sum "$lock" | cut -d' ' -f1)"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$sum" ]]; then
    echo "install-test-deps: npm ci in ${dir#$root/}" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$sum" >"$stamp"
  fi
done < <(find "$root" -name package-lock.json -not -path '*/node_modules/*' -not -path '*/target/*')
