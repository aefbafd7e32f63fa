#!/usr/bin/env bash
# Records quic_loopback.pcap: a real QUIC v1 handshake and one HTTP/3 request, ngtcp2's example
# client against its example server (Debian's ngtcp2-client / ngtcp2-server, GnuTLS), on the
# loopback of a network namespace this script makes and removes, so nothing leaves the machine.
#
# Usage (as root, Debian): quic-capture.sh OUT.pcap
# Needs: iproute2 tcpdump openssl ngtcp2-client ngtcp2-server
set -euo pipefail
out="$(realpath "${1:?usage: quic-capture.sh OUT.pcap}")"
work="$(mktemp -d /tmp/wirelab-quic-XXXX)"
ns=wl-quic
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
ip netns add "$ns"
ip netns exec "$ns" ip link set lo up
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj /CN=example.com \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
ip netns exec "$ns" tcpdump -i lo -U -s 0 -w "$out" 'udp port 443' 2>"$work/tcpdump.log" &
pids+=($!)
for _ in $(seq 50); do grep -q listening "$work/tcpdump.log" && break; sleep 0.1; done
ip netns exec "$ns" gtlsserver -q 127.0.0.1 443 "$work/key.pem" "$work/cert.pem" >/dev/null 2>&1 &
pids+=($!)
sleep 1
# --exit-on-all-streams-close: the client closes the connection after the one response.
ip netns exec "$ns" timeout 20 gtlsclient -q --exit-on-all-streams-close --sni=example.com \
  127.0.0.1 443 https://example.com/ >/dev/null 2>&1 || true
sleep 1 # let the last packets reach tcpdump's buffer
