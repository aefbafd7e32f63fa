package dev.wirelab.inspector.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Inspector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text modes print exactly the reviewed dumps in src/test/resources/golden (in the style of
 * pcap4j's packet tests: a real capture and its expected dump side by side). After a deliberate
 * change of format, regenerate with {@code ./wirelab inspect [MODE] CAPTURE >
 * golden/CAPTURE.MODE.txt} and review the diff.
 */
class GoldenOutputTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "tcp-handshake-nano.pcap, summary",
    "tcp-handshake-nano.pcap, layers",
    "tcp-handshake-nano.pcap, hex",
    "dns_query_response.pcapng, summary",
    "dns_query_response.pcapng, layers",
    "dns_query_response.pcapng, hex",
    "arp_resolution.pcapng, summary",
    "arp_resolution.pcapng, layers",
    "arp_resolution.pcapng, hex",
    "dot1ad.pcap, summary",
    "dot1ad.pcap, layers",
    "dot1ad.pcap, hex",
    "icmpv6_neighbor_solicitation.pcapng, summary",
    "icmpv6_neighbor_solicitation.pcapng, layers",
    "icmpv6_neighbor_solicitation.pcapng, hex"
  })
  void printsTheReviewedDump(String capture, String mode) throws IOException {
    String file = Inspector.capture(capture).toString();
    Inspector.Result result =
        switch (mode) {
          case "summary" -> Inspector.run(file);
          case "layers" -> Inspector.run("--layers", file);
          default -> Inspector.run("--hex", "--color=never", file);
        };

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(golden(capture + "." + mode + ".txt"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"dns_query_response.pcapng", "dot1ad.pcap"})
  void colourMarksEachLayerAndResetsAfterIt(String capture) {
    Inspector.Result result =
        Inspector.run("--hex", "--color=always", Inspector.capture(capture).toString());

    String plain = result.out().replaceAll("\u001b\\[[0-9;]*m", "");
    assertThat(result.out())
        .contains("\u001b[36m[L2 Ethernet II]\u001b[0m", "\u001b[32m[L3 IPv4]\u001b[0m");
    assertThat(plain)
        .isEqualTo(
            Inspector.run("--hex", "--color=never", Inspector.capture(capture).toString()).out());
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = GoldenOutputTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as("golden file " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
