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

(cd "$root" && mvn -B -q -pl packet-inspector -am package -DskipTests >/dev/null)
(cd "$root/packet-inspector" && mvn -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/cp" >/dev/null)
cp="$root/packet-inspector/target/classes:$root/common/target/classes:$(cat "$work/cp")"
inspect=(java -cp "$cp" dev.wirelab.inspector.cli.InspectCommand)
# C1 only and the serial collector: a one-shot batch run gains nothing from C2's compile threads,
# which on a busy 2-core machine compete with the decoding itself.
tuned=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$cp" dev.wirelab.inspector.cli.InspectCommand)
# Streaming proof: a 64 MB heap is enough for a file ten times that size.
small_heap=(java -Xmx64m -XX:+UseSerialGC -cp "$cp" dev.wirelab.inspector.cli.InspectCommand)

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
run "inspect (summary), tuned JVM" "${tuned[@]}" "$big"
run "inspect --json, tuned JVM" "${tuned[@]}" --json "$big"
run "inspect --json, -Xmx64m" "${small_heap[@]}" --json "$big"
run "inspect (summary), 1/10 file" "${inspect[@]}" "$small"
run "inspect --json, 1/10 file" "${inspect[@]}" --json "$small"
run "tcpdump -nn -v -r" tcpdump -nn -v -r "$big"
run "tshark -T fields (19 fields)" tshark -n -r "$big" -T fields "${fields[@]}"
run "tshark -T json" tshark -n -r "$big" -T json
