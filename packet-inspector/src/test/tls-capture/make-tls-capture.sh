#!/bin/bash
# Remakes the TLS test captures: HTTPS requests to a local `openssl s_server`, recorded on the
# loopback interface of a network namespace made for the purpose (nothing leaves the machine).
# Scenario "handshakes" (tls_loopback.pcap):
#   1. curl --tlsv1.3 with SNI example.com (TLS 1.3: all after ServerHello is encrypted)
#   2. curl --tlsv1.2 --tls-max 1.2 with SNI example.com (TLS 1.2: Certificate in clear text)
#   3. curl --tlsv1.3 to https://127.0.0.1/ (no SNI: curl sends none for an IP address)
# Scenario "refusals" (tls_refusals.pcap), the server accepting only the P-256 group:
#   1. curl --tlsv1.3 --curves X25519:P-256: the client's key share is X25519, so the server
#      answers with a HelloRetryRequest and the client sends a second ClientHello
#   2. curl --tlsv1.2 --tls-max 1.2 without -k: the client refuses the self-signed certificate
#      with a fatal alert, in clear text (TLS 1.2, before ChangeCipherSpec)
#   3. curl --tlsv1.3 without -k: the same refusal, now an encrypted record (TLS 1.3)
# The namespace's lo has MTU 1280 and the server cuts records at 1024 bytes (-max_send_frag), so
# the capture has several records per segment, a record across segments and a handshake message
# (the 4096-bit certificate) across records. Needs root, openssl, curl, tcpdump, iproute2.
# Usage: make-tls-capture.sh [OUT.pcap [handshakes|refusals]]
set -euo pipefail
out=$(realpath -m "${1:-tls_loopback.pcap}")
scenario="${2:-handshakes}"
case "$scenario" in
  handshakes) server_extra=() ;;
  refusals) server_extra=(-groups P-256) ;;
  *) echo "make-tls-capture: unknown scenario $scenario" >&2; exit 2 ;;
esac
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
  -www -alpn http/1.1 -max_send_frag 1024 "${server_extra[@]}" >"$work/server.log" 2>&1 </dev/null &
pids+=($!)
await "$work/server.log" "ACCEPT"

in_ns() { ip netns exec "$ns" "$@"; }
site=(--resolve example.com:443:127.0.0.1 https://example.com/)
if [ "$scenario" = handshakes ]; then
  in_ns curl -sS -k -o /dev/null --tlsv1.3 "${site[@]}"
  in_ns curl -sS -k -o /dev/null --tlsv1.2 --tls-max 1.2 "${site[@]}"
  in_ns curl -sS -k -o /dev/null --tlsv1.3 https://127.0.0.1/
  fins=6
else
  in_ns curl -sS -k -o /dev/null --tlsv1.3 --curves X25519:P-256 "${site[@]}"
  # Refused on purpose: curl says why on stderr and exits 60.
  in_ns curl -sS -o /dev/null --tlsv1.2 --tls-max 1.2 "${site[@]}" 2>/dev/null || true
  in_ns curl -sS -o /dev/null --tlsv1.3 "${site[@]}" 2>/dev/null || true
  fins=6
fi

# Let tcpdump write the last FIN/ACKs: stop the server first, then tcpdump (SIGINT flushes).
kill "${pids[1]}"
for _ in $(seq 50); do
  [ "$(tcpdump -r "$out" 2>/dev/null | grep -c 'Flags \[.*F')" -ge "$fins" ] && break
  sleep 0.1
done
kill -INT "${pids[0]}"
wait "${pids[0]}" 2>/dev/null || true
pids=()
echo "wrote $out: $(tcpdump -r "$out" 2>/dev/null | wc -l) packets"
