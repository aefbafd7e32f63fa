package dev.wirelab.inspector.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.capture.CapturedFrame;
import dev.wirelab.inspector.model.DecodedFrame;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and mutated frames (seeded, so a failure reproduces) through every decoder
 * and every output mode: a bad frame may only ever be reported as malformed, never throw.
 */
class DecoderFuzzTest {
  private static final long SEED = 0x5EED_F00DL;
  private static final int[] LINK_TYPES = {0, 1, 12, 14, 101, 108, 113, 147, 228, 229, 276};
  private static final List<String> CAPTURES =
      List.of(
          "dns_tcp.pcapng",
          "badpackets.pcap",
          "twovlan.pcap",
          "dot1ad.pcap",
          "ipv6_fragments.pcapng",
          "icmpv6_neighbor_solicitation.pcapng",
          "arp_resolution.pcapng",
          "simple_http_sll2.pcap",
          "tcp-handshake-nano.pcap",
          "http-empty-useragent.pcap",
          "LINKTYPE_IPV4.pcap",
          "LINKTYPE_RAW_ipv6.pcap",
          "icmp_echo.pcapng",
          "websocket.pcap");

  private final Random random = new Random(SEED);
  private final FuzzHarness fuzz = new FuzzHarness(random);

  @Test
  void randomBytesOnEveryLinkType() throws IOException {
    for (int i = 0; i < 5_000; i++) {
      byte[] data = new byte[random.nextInt(120)];
      random.nextBytes(data);
      int linkType = LINK_TYPES[random.nextInt(LINK_TYPES.length)];
      decodeAndPrint(linkType, data, data.length + random.nextInt(3));
    }
    assertThat(fuzz.malformed()).as("random bytes are often malformed").isGreaterThan(1_000);
  }

  @Test
  void mutatedRealFrames() throws IOException {
    List<CapturedFrame> seeds = FuzzHarness.frames(CAPTURES);
    for (int i = 0; i < 20_000; i++) {
      CapturedFrame seed = seeds.get(random.nextInt(seeds.size()));
      byte[] data = fuzz.mutate(seed.data(), 0, 4, true);
      decodeAndPrint(seed.linkType(), data, Math.max(data.length, seed.len()));
    }
    assertThat(fuzz.malformed()).as("some mutations break a header").isGreaterThan(1_000);
  }

  @Test
  void dnsCompressionPointerLoopsEnd() throws IOException {
    byte[] frame =
        FuzzHarness.frames(CAPTURES).stream()
            .filter(f -> f.data().length > 40 && f.linkType() == 228)
            .findFirst()
            .orElseThrow()
            .data()
            .clone();
    int dns = 20 + 8;
    frame[dns + 12] = (byte) 0xC0;
    frame[dns + 13] = 12;

    DecodedFrame decoded = new FrameDecoder(List.of()).decode(1, 0, 0, frame.length, 228, frame);

    assertThat(decoded.malformed())
        .containsExactly("DNS compression pointer loops or points forward");
  }

  /** Random timestamps too: a frame's time must not break any output mode. */
  private void decodeAndPrint(int linkType, byte[] data, int len) throws IOException {
    fuzz.decodeAndPrint(random.nextInt(), random.nextInt(1_000_000_000), len, linkType, data);
  }
}
