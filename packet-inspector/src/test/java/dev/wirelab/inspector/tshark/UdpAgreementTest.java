package dev.wirelab.inspector.tshark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.inspector.Inspector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On the captures recorded with real DHCP, NTP, SSDP, NetBIOS and multicast tools, {@code inspect
 * --json} prints every field of those protocols that tshark reports, with tshark's value (the
 * shared compare-frames.py's {@code --require}); TsharkAgreementTest compares the other fields.
 */
class UdpAgreementTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tsharkConfig;

  @ParameterizedTest(name = "{0} requires {1}")
  @CsvSource({
    "netns_dhcp.pcap, dhcp., 5",
    "netns_ntp.pcap, ntp., 2",
    "netns_dhcpv6.pcap, dhcpv6., 6",
    "netns_ssdp_nbns_igmp.pcap, http.|nbns.|igmp., 10",
    "netns_dhcp_nak_igmp_query.pcap, dhcp.|igmp., 15",
    "netns_ssdp_answer.pcap, http., 3",
    "netns_nbns_nmbd.pcap, nbns., 28",
    "gen_dhcp_overload.pcap, dhcp., 3",
    "gen_dhcpv6_relay.pcap, dhcpv6., 3",
  })
  void printsEveryFieldTsharkHas(String name, String prefixes, int framesWithThem)
      throws Exception {
    Path capture = Inspector.capture(name);
    List<Map<String, Object>> expected = TsharkOracle.decode(capture, tsharkConfig);
    Inspector.Result ours = Inspector.run("--json", capture.toString());
    assertThat(ours.exitCode()).as(ours.err()).isZero();
    String[] lines = ours.out().split("\n");
    assertThat(lines).hasSameSizeAs(expected);

    List<String> problems = new ArrayList<>();
    int required = 0;
    for (int i = 0; i < expected.size(); i++) {
      JsonNode frame = JSON.readTree(lines[i]);
      problems.addAll(
          FieldAgreement.compare(expected.get(i), frame).stream()
              .map(problem -> "frame " + frame.get("frame") + " " + problem)
              .toList());
      boolean any = false;
      for (String key : expected.get(i).keySet()) {
        if (!requiredKey(key, prefixes)) {
          continue;
        }
        any = true;
        if (frame.get(key) == null) {
          problems.add(
              "frame " + frame.get("frame") + " " + key + ": tshark has it, inspector not");
        }
      }
      required += any ? 1 : 0;
    }
    assertThat(required)
        .as("frames where tshark has the required fields")
        .isEqualTo(framesWithThem);
    assertThat(problems).as("fields where the inspector and tshark disagree").isEmpty();
  }

  private static boolean requiredKey(String key, String prefixes) {
    for (String prefix : prefixes.split("\\|")) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
