#!/usr/bin/env bash
# inspector-bench.sh [FRAMES] — times ./wirelab inspect against tcpdump and tshark on a big pcap.
#
# Builds a FRAMES-frame (default 1 000 000) pcap from the public Ethernet captures in the test
# resources (make-big-pcap.py; it is not committed), then writes each tool's output to /dev/null
# and reports wall time and peak memory (max RSS) from /usr/bin/time. Also runs the inspector on
# a tenth of the file, to show its memory does not grow with the file.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
frames="${1:-1000000}"
work="${BENCH_DIR:-/tmp/inspector-bench}"
mkdir -p "$work"
captures="$root/packet-inspector/src/test/resources/captures"

# Exactly what a user runs: the launcher builds on first use and picks the JVM settings per mode.
"$root/wirelab" --version >/dev/null
inspect=("$root/wirelab" inspect)

big="$work/big-$frames.pcap"
small="$work/big-$((frames / 10)).pcap"
for file in "$big" "$small"; do
  count="${file##*-}"; count="${count%.pcap}"
  [[ -f "$file" ]] || python3 "$here/make-big-pcap.py" "$file" "$count" "$captures"/http_espn.pcapng \
      "$captures"/dns_tcp.pcapng "$captures"/icmp_echo.pcapng "$captures"/200722_tcp_anon.pcapng
done
echo "capture: $big ($(stat -c %s "$big") bytes, $frames frames)"

fields=(-e frame.number -e frame.time_epoch -e frame.len -e eth.src -e eth.dst -e eth.type -e ip.src -e ip.dst
        -e ip.ttl -e ip.proto -e tcp.srcport -e tcp.dstport -e tcp.seq_raw -e tcp.ack_raw -e tcp.flags
        -e udp.srcport -e udp.dstport -e dns.id -e dns.qry.name)
run() {
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { echo "$label failed:"; tail -3 "$work/stderr"; return; }
  read -r seconds rss <"$work/time"
  printf '%-34s %8.2f s %8d MB\n' "$label" "$seconds" "$((rss / 1024))"
}
echo "tool                                 wall time   max RSS"
run "inspect (summary)" "${inspect[@]}" "$big"
run "inspect --json" "${inspect[@]}" --json "$big"
run "inspect --layers" "${inspect[@]}" --layers "$big"
# Streaming proof: a 64 MB heap is enough for a file ten times that size.
WIRELAB_JAVA_OPTS="-Xmx64m -XX:+UseSerialGC" run "inspect --json, -Xmx64m" "${inspect[@]}" --json "$big"
run "inspect (summary), 1/10 file" "${inspect[@]}" "$small"
run "inspect --json, 1/10 file" "${inspect[@]}" --json "$small"
run "tcpdump -nn -v -r" tcpdump -nn -v -r "$big"
run "tshark -n -r (summary)" tshark -n -r "$big"
run "tshark -T fields (19 fields)" tshark -n -r "$big" -T fields "${fields[@]}"
run "tshark -T json" tshark -n -r "$big" -T json
run "tshark -V" tshark -n -r "$big" -V
