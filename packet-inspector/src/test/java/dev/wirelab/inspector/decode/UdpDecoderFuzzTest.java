package dev.wirelab.inspector.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Packets;
import dev.wirelab.inspector.capture.CapturedFrame;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random payloads on the ports of the UDP decoders, and mutated frames of the captures recorded for
 * them (seeded, so a failure reproduces): a bad message may only be reported as malformed.
 */
class UdpDecoderFuzzTest {
  private static final long SEED = 0x0D4C_F00DL;
  private static final int[] PORTS = {67, 68, 123, 546, 547, 1900, 137};
  private static final List<String> CAPTURES =
      List.of(
          "netns_dhcp.pcap",
          "netns_ntp.pcap",
          "netns_dhcpv6.pcap",
          "netns_ssdp_nbns_igmp.pcap",
          "netns_dhcp_nak_igmp_query.pcap",
          "netns_ssdp_answer.pcap",
          "netns_nbns_nmbd.pcap",
          "gen_dhcp_overload.pcap",
          "gen_dhcpv6_relay.pcap");

  private final Random random = new Random(SEED);
  private final FuzzHarness fuzz = new FuzzHarness(random);

  @Test
  void randomPayloadsOnEachPort() throws IOException {
    for (int port : PORTS) {
      for (int i = 0; i < 2_000; i++) {
        byte[] payload = new byte[random.nextInt(400)];
        random.nextBytes(payload);
        byte[] frame =
            Packets.ethernetIpv4(
                Packets.ipv4(
                    "192.0.2.1",
                    "192.0.2.2",
                    17,
                    i,
                    0,
                    Packets.udp("192.0.2.1", 40000, "192.0.2.2", port, payload)));
        decodeAndPrint(frame);
      }
    }
    assertThat(fuzz.malformed()).as("random payloads are often malformed").isGreaterThan(1_000);
  }

  @Test
  void randomIgmpMessages() throws IOException {
    for (int i = 0; i < 3_000; i++) {
      byte[] message = new byte[random.nextInt(64)];
      random.nextBytes(message);
      if (message.length > 0 && random.nextBoolean()) {
        message[0] = (byte) new int[] {0x11, 0x16, 0x17, 0x22}[random.nextInt(4)];
      }
      decodeAndPrint(
          Packets.ethernetIpv4(Packets.ipv4("192.0.2.2", "224.0.0.22", 2, i, 0, message)));
    }
    assertThat(fuzz.malformed()).as("short or cut IGMP messages are malformed").isGreaterThan(300);
  }

  @Test
  void mutatedRecordedFrames() throws IOException {
    List<CapturedFrame> seeds = FuzzHarness.frames(CAPTURES);
    for (int i = 0; i < 10_000; i++) {
      CapturedFrame seed = seeds.get(random.nextInt(seeds.size()));
      byte[] data = seed.data();
      // The Ethernet, IP and UDP headers stay, so the mutations reach the application.
      int from = Math.min(data[12] == (byte) 0x86 ? 62 : 42, data.length);
      decodeAndPrint(fuzz.mutate(data, from, 6, false));
    }
    assertThat(fuzz.malformed()).as("some mutations break a message").isGreaterThan(500);
  }

  private void decodeAndPrint(byte[] frame) throws IOException {
    fuzz.decodeAndPrint(0, 0, frame.length, 1, frame);
  }
}
