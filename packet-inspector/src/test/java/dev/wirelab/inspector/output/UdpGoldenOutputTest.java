package dev.wirelab.inspector.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Inspector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The UDP application decoders (DHCP, ...) print exactly the reviewed dumps of the captures
 * recorded with real tools; regenerate as GoldenOutputTest says.
 */
class UdpGoldenOutputTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "netns_dhcp.pcap, summary",
    "netns_dhcp.pcap, layers",
    "netns_ntp.pcap, summary",
    "netns_ntp.pcap, layers",
    "netns_dhcpv6.pcap, summary",
    "netns_dhcpv6.pcap, layers",
    "netns_ssdp_nbns_igmp.pcap, summary",
    "netns_ssdp_nbns_igmp.pcap, layers",
    "netns_dhcp_nak_igmp_query.pcap, summary",
    "netns_dhcp_nak_igmp_query.pcap, layers",
    "netns_ssdp_answer.pcap, summary",
    "netns_ssdp_answer.pcap, layers",
    "netns_nbns_nmbd.pcap, summary",
    "netns_nbns_nmbd.pcap, layers",
    "gen_dhcp_overload.pcap, summary",
    "gen_dhcp_overload.pcap, layers",
    "gen_dhcpv6_relay.pcap, summary",
    "gen_dhcpv6_relay.pcap, layers",
  })
  void printsTheReviewedDump(String capture, String mode) throws IOException {
    String file = Inspector.capture(capture).toString();
    Inspector.Result result =
        mode.equals("summary") ? Inspector.run(file) : Inspector.run("--layers", file);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(golden(capture + "." + mode + ".txt"));
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = UdpGoldenOutputTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as("golden file " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
