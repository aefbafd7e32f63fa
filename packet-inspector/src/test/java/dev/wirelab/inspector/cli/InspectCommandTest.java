package dev.wirelab.inspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Inspector;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options of {@code inspect} on real captures: filter, count, write, stats, and their mistakes.
 */
class InspectCommandTest {
  @TempDir Path dir;

  @Test
  void filterKeepsOnlyMatchingFramesWithTheirOriginalNumbers() {
    Inspector.Result result =
        Inspector.run("-f", "udp port 53", Inspector.capture("dns_tcp.pcapng").toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().lines())
        .hasSize(2)
        .allMatch(line -> line.contains("UDP, length"))
        .anyMatch(line -> line.startsWith("1 ") && line.contains("DNS query 0xdf22 ANY? ripe.net"));
  }

  @Test
  void filterWorksOnEveryLinkType() {
    for (String capture :
        new String[] {
          "tcp-handshake-nano.pcap",
          "simple_http_sll2.pcap",
          "LINKTYPE_IPV4.pcap",
          "LINKTYPE_RAW_ipv6.pcap",
          "http-empty-useragent.pcap"
        }) {
      Inspector.Result all = Inspector.run(Inspector.capture(capture).toString());
      Inspector.Result ip = Inspector.run("-f", "ip or ip6", Inspector.capture(capture).toString());
      assertThat(ip.out()).as(capture).isEqualTo(all.out());
    }
  }

  @Test
  void countStopsEarly() {
    Inspector.Result result =
        Inspector.run("-c", "5", Inspector.capture("http_espn.pcapng").toString());

    assertThat(result.out().lines()).hasSize(5);
  }

  @Test
  void writtenFileHoldsExactlyTheFramesThatPassed() {
    Path out = dir.resolve("dns.pcap");
    Inspector.Result written =
        Inspector.run(
            "-f",
            "udp port 53",
            "--write",
            out.toString(),
            Inspector.capture("http_espn.pcapng").toString());

    assertThat(written.exitCode()).as(written.err()).isZero();
    assertThat(written.out()).isEmpty();
    String reread = Inspector.run("--json", out.toString()).out();
    String original =
        Inspector.run(
                "--json", "-f", "udp port 53", Inspector.capture("http_espn.pcapng").toString())
            .out();
    assertThat(reread.lines().map(InspectCommandTest::withoutFrameNumber))
        .containsExactlyElementsOf(
            original.lines().map(InspectCommandTest::withoutFrameNumber).toList())
        .isNotEmpty();
  }

  @Test
  void statsCountFramesProtocolsAndConversations() {
    Inspector.Result result =
        Inspector.run("--stats", Inspector.capture("http_ip4and6.pcapng").toString());

    assertThat(result.out())
        .startsWith("Frames: 20, bytes on the wire: 2695, captured: 2695, malformed frames: 0\n")
        .contains("    IPv4                                         10         1244\n")
        .contains("  TCP [2001:db8:1:2::1000]:80 <-> [2001:db8:1:2::1002]:35023");
  }

  @Test
  void oneOutputModeAtATime() {
    Inspector.Result result =
        Inspector.run("--json", "--layers", Inspector.capture("dns.pcap").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: choose one of --layers, --hex, --json, --stats, --follow, --ladder\n");
  }

  @Test
  void fileOrLiveButNotBoth() {
    assertThat(Inspector.run().err())
        .isEqualTo("error: give either a capture FILE or --live INTERFACE (try --help)\n");
    assertThat(Inspector.run("--duration", "3", Inspector.capture("dns.pcap").toString()).err())
        .isEqualTo("error: --duration is for live captures (--live)\n");
  }

  private static String withoutFrameNumber(String json) {
    return json.replaceFirst("^\\{\"frame\":\\d+,", "{");
  }
}
