package dev.wirelab.inspector.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.GeneratedCaptures;
import dev.wirelab.inspector.Inspector;
import dev.wirelab.inspector.Packets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four bugs public captures showed, each on a capture that reproduces it: DNS over TCP with the
 * length prefix in its own segment, IP fragments, a SYN retransmitted mid-connection, and a
 * too-long IPv4 total length blamed on the snaplen.
 */
class ReassemblyBugsTest {
  @TempDir Path temp;

  @Test
  void theCommittedGeneratedCapturesAreWhatTheGeneratorWrites() throws Exception {
    for (Map.Entry<String, Supplier<Packets>> capture : GeneratedCaptures.ALL.entrySet()) {
      Path fresh = capture.getValue().get().write(temp.resolve(capture.getKey()));
      assertThat(Files.readAllBytes(fresh))
          .as(capture.getKey())
          .isEqualTo(Inspector.captureBytes(capture.getKey()));
    }
  }

  @Test
  void dnsOverTcpIsDecodedMessageByMessageFromTheStream() {
    List<String> lines = summary("gen_dns_tcp_split.pcap");

    assertThat(lines.get(3)).endsWith("length 2 DNS message continues (0 of 29 bytes so far)");
    assertThat(lines.get(4)).endsWith("length 29 DNS query 0x1234 A? example.org");
    assertThat(lines.get(5)).endsWith("DNS response 0x1234 A? example.org: A 10.0.0.1");
    assertThat(lines.get(6))
        .endsWith("DNS response 0x1235 A? example.org: A 10.0.0.1, A 10.0.0.2, A 10.0.0.3");
    assertThat(String.join("\n", lines)).doesNotContain("malformed");
  }

  @Test
  void aLengthByteAloneInItsSegmentWaitsForTheRest() {
    List<String> lines = summary("dns_tcp.pcapng");

    assertThat(lines.get(7))
        .endsWith("length 1 DNS message continues (1 of the 2 length bytes so far)");
    assertThat(lines.get(9))
        .contains("length 1418 DNS response 0xb4c3 ANY? ripe.net: DNSKEY 264 bytes");
    assertThat(String.join("\n", lines)).doesNotContain("malformed");
  }

  @Test
  void theFirstFragmentIsNotMalformedAndTheLastDecodesTheDatagram() {
    List<String> lines = summary("gen_ipv4_fragments.pcap");

    assertThat(lines.get(0))
        .endsWith("IP 10.0.0.2 > 10.0.0.1: UDP fragment at offset 0, length 1480, more follow");
    assertThat(lines.get(1))
        .contains("IP 10.0.0.2.53 > 10.0.0.1.40001: UDP, length 1693 DNS response 0x0aaa")
        .endsWith("[reassembled from frames 1, 2]");
    assertThat(lines.get(5))
        .contains("DNS response 0x0bbb")
        .endsWith("[reassembled from frames 3, 4, 6]");
    assertThat(lines.get(8)).endsWith("UDP fragment at offset 400, length 277, last");
    assertThat(String.join("\n", lines)).doesNotContain("malformed");
  }

  @Test
  void overlappingFragmentsDiscardTheDatagramAndACopyIsIgnored() {
    String layers =
        Inspector.run("--layers", Inspector.capture("gen_ipv4_fragments.pcap").toString()).out();

    assertThat(layers)
        .contains(
            "Reassembly: an exact copy of bytes 400-799, already held: ignored (retransmitted)",
            "Reassembly: overlaps bytes 0-399 of an earlier fragment: the whole datagram is discarded (RFC 5722)",
            "Reassembly: belongs to a datagram already discarded for overlapping fragments",
            "L4 UDP  (Transport layer, bytes 0-7 of the reassembled bytes)");
  }

  @Test
  void ipv6FragmentsAreReassembledToo() {
    List<String> lines = summary("ipv6_fragments.pcapng");

    assertThat(lines.get(0)).endsWith("fragment of ICMPv6 at offset 0, length 1448, more follow");
    assertThat(lines.get(1))
        .endsWith(
            "ICMP6, echo request, id 59968, seq 1, length 1508 [reassembled from frames 1, 2]");
  }

  @Test
  void aRetransmittedSynMidConnectionChangesNothing() {
    List<String> lines = summary("gen_syn_retransmitted.pcap");
    String layers =
        Inspector.run("--layers", Inspector.capture("gen_syn_retransmitted.pcap").toString()).out();

    assertThat(lines.get(3)).endsWith("HTTP GET /index.html");
    assertThat(lines.get(5)).endsWith("HTTP 200 OK");
    assertThat(lines.get(6)).endsWith("HTTP body complete (12 bytes)");
    assertThat(layers).contains("Reassembly: retransmitted SYN of this connection: ignored");
    assertThat(String.join("\n", lines)).doesNotContain("malformed", "continues");
  }

  @Test
  void aTotalLengthBeyondAWholeFrameBlamesTheHeader() {
    List<String> lines = summary("badpackets.pcap");

    assertThat(lines.get(0))
        .contains(
            "[malformed: IPv4 total length 1500 runs 1243 bytes past the end of the frame"
                + " (the frame was captured whole, so the header is wrong)]");
    assertThat(lines.get(3))
        .contains(
            "IPv4 total length 1500 runs 1454 bytes past the end of the frame"
                + " (past even the frame's length on the wire, so the header is wrong, not the snaplen)");
  }

  private static List<String> summary(String capture) {
    Inspector.Result result = Inspector.run(Inspector.capture(capture).toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    return List.of(result.out().split("\n"));
  }
}
