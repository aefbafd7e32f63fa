package dev.wirelab.inspector.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Inspector;
import dev.wirelab.inspector.Packets;
import dev.wirelab.inspector.capture.CaptureFiles;
import dev.wirelab.inspector.capture.CapturedFrame;
import dev.wirelab.inspector.capture.FrameSource;
import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.output.FrameSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
  private final FrameDecoder decoder = new FrameDecoder(List.of());
  private final List<FrameSink> sinks = DecoderFuzzTest.allOutputModes();
  private long malformed;

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
    assertThat(malformed).as("random payloads are often malformed").isGreaterThan(1_000);
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
    assertThat(malformed).as("short or cut IGMP messages are malformed").isGreaterThan(300);
  }

  @Test
  void mutatedRecordedFrames() throws IOException {
    List<CapturedFrame> seeds = recordedFrames();
    for (int i = 0; i < 10_000; i++) {
      CapturedFrame seed = seeds.get(random.nextInt(seeds.size()));
      decodeAndPrint(mutate(seed.data()));
    }
    assertThat(malformed).as("some mutations break a message").isGreaterThan(500);
  }

  private byte[] mutate(byte[] original) {
    byte[] data = original.clone();
    // The Ethernet, IP and UDP headers stay, so the mutations reach the application.
    int from = Math.min(data[12] == (byte) 0x86 ? 62 : 42, data.length);
    switch (random.nextInt(3)) {
      case 0 -> {
        for (int flips = 1 + random.nextInt(6); flips > 0 && data.length > from; flips--) {
          data[from + random.nextInt(data.length - from)] = (byte) random.nextInt(256);
        }
      }
      case 1 -> data = Arrays.copyOf(data, from + random.nextInt(data.length - from + 1));
      default -> {
        if (data.length > from + 1) {
          int at = from + random.nextInt(data.length - from - 1);
          data[at] = (byte) (random.nextBoolean() ? 0xFF : 0x00);
          data[at + 1] = (byte) random.nextInt(256);
        }
      }
    }
    return data;
  }

  private void decodeAndPrint(byte[] data) throws IOException {
    DecodedFrame frame = decoder.decode(1, 0, 0, data.length, 1, data);
    if (frame.isMalformed()) {
      malformed++;
    }
    for (FrameSink sink : sinks) {
      sink.accept(frame);
    }
  }

  private static List<CapturedFrame> recordedFrames() throws IOException {
    List<CapturedFrame> frames = new ArrayList<>();
    for (String name : CAPTURES) {
      try (FrameSource source = CaptureFiles.open(Inspector.capture(name).toString())) {
        for (CapturedFrame frame = source.next(); frame != null; frame = source.next()) {
          frames.add(frame);
        }
      }
    }
    return frames;
  }
}
