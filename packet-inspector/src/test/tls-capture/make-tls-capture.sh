#!/bin/bash
# Remakes tls_loopback.pcap: three HTTPS requests to a local `openssl s_server`, recorded on the
# loopback interface of a network namespace made for the purpose (nothing leaves the machine).
#   1. curl --tlsv1.3 with SNI example.com (TLS 1.3: all after ServerHello is encrypted)
#   2. curl --tlsv1.2 --tls-max 1.2 with SNI example.com (TLS 1.2: Certificate in clear text)
#   3. curl --tlsv1.3 to https://127.0.0.1/ (no SNI: curl sends none for an IP address)
# The namespace's lo has MTU 1280 and the server cuts records at 1024 bytes (-max_send_frag), so
# the capture has several records per segment, a record across segments and a handshake message
# (the 4096-bit certificate) across records. Needs root, openssl, curl, tcpdump, iproute2.
# Usage: make-tls-capture.sh [OUT.pcap]
set -euo pipefail
out=$(realpath -m "${1:-tls_loopback.pcap}")
work=$(mktemp -d)
ns="wirelab-tls-$$"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  ip netns delete "$ns" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Waits (at most 10 s) until FILE contains TEXT: tcpdump and s_server say when they are ready.
await() {
  for _ in $(seq 100); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "make-tls-capture: $1 never said '$2'" >&2
  cat "$1" >&2
  exit 1
}

ip netns add "$ns"
ip netns exec "$ns" ip link set lo mtu 1280 up
# Loopback hands tcpdump whole GSO bursts otherwise: one TCP segment per wire-sized packet.
ip netns exec "$ns" ip link set lo gso_max_size 1280 gso_max_segs 1
openssl req -x509 -newkey rsa:4096 -nodes -days 2 -subj /CN=example.com \
  -addext subjectAltName=DNS:example.com \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

ip netns exec "$ns" tcpdump -i lo -U -s 0 -w "$out" 'tcp port 443' 2>"$work/tcpdump.log" &
pids+=($!)
await "$work/tcpdump.log" "listening on lo"

ip netns exec "$ns" openssl s_server -accept 443 -cert "$work/cert.pem" -key "$work/key.pem" \
  -www -alpn http/1.1 -max_send_frag 1024 >"$work/server.log" 2>&1 </dev/null &
pids+=($!)
await "$work/server.log" "ACCEPT"

in_ns() { ip netns exec "$ns" "$@"; }
in_ns curl -sS -k -o /dev/null --tlsv1.3 --resolve example.com:443:127.0.0.1 https://example.com/
in_ns curl -sS -k -o /dev/null --tlsv1.2 --tls-max 1.2 --resolve example.com:443:127.0.0.1 \
  https://example.com/
in_ns curl -sS -k -o /dev/null --tlsv1.3 https://127.0.0.1/

# Let tcpdump write the last FIN/ACKs: stop the server first, then tcpdump (SIGINT flushes).
kill "${pids[1]}"
for _ in $(seq 50); do
  [ "$(tcpdump -r "$out" 2>/dev/null | grep -c 'Flags \[.*F')" -ge 6 ] && break
  sleep 0.1
done
kill -INT "${pids[0]}"
wait "${pids[0]}" 2>/dev/null || true
pids=()
echo "wrote $out: $(tcpdump -r "$out" 2>/dev/null | wc -l) packets"
