package dev.wirelab.inspector.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Inspector;
import dev.wirelab.inspector.capture.CaptureFiles;
import dev.wirelab.inspector.capture.CapturedFrame;
import dev.wirelab.inspector.capture.FrameSource;
import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.output.FrameSink;
import dev.wirelab.inspector.output.HexSink;
import dev.wirelab.inspector.output.JsonSink;
import dev.wirelab.inspector.output.LayersSink;
import dev.wirelab.inspector.output.StatsSink;
import dev.wirelab.inspector.output.SummarySink;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
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
  private final FrameDecoder decoder = new FrameDecoder(List.of());
  private final List<FrameSink> sinks = allOutputModes();
  private long malformed;

  @Test
  void randomBytesOnEveryLinkType() throws IOException {
    for (int i = 0; i < 5_000; i++) {
      byte[] data = new byte[random.nextInt(120)];
      random.nextBytes(data);
      decodeAndPrint(
          LINK_TYPES[random.nextInt(LINK_TYPES.length)], data, data.length + random.nextInt(3));
    }
    assertThat(malformed).as("random bytes are often malformed").isGreaterThan(1_000);
  }

  @Test
  void mutatedRealFrames() throws IOException {
    List<CapturedFrame> seeds = realFrames();
    for (int i = 0; i < 20_000; i++) {
      CapturedFrame seed = seeds.get(random.nextInt(seeds.size()));
      byte[] data = mutate(seed.data());
      decodeAndPrint(seed.linkType(), data, Math.max(data.length, seed.len()));
    }
    assertThat(malformed).as("some mutations break a header").isGreaterThan(1_000);
  }

  @Test
  void dnsCompressionPointerLoopsEnd() throws IOException {
    byte[] frame =
        realFrames().stream()
            .filter(f -> f.data().length > 40 && f.linkType() == 228)
            .findFirst()
            .orElseThrow()
            .data()
            .clone();
    int dns = 20 + 8;
    frame[dns + 12] = (byte) 0xC0;
    frame[dns + 13] = 12;

    DecodedFrame decoded = decoder.decode(1, 0, 0, frame.length, 228, frame);

    assertThat(decoded.malformed())
        .containsExactly("DNS compression pointer loops or points forward");
  }

  private byte[] mutate(byte[] original) {
    byte[] data = original.clone();
    switch (random.nextInt(4)) {
      case 0 -> {
        for (int flips = 1 + random.nextInt(4); flips > 0 && data.length > 0; flips--) {
          data[random.nextInt(data.length)] = (byte) random.nextInt(256);
        }
      }
      case 1 -> data = Arrays.copyOf(data, random.nextInt(data.length + 1));
      case 2 -> {
        if (data.length > 1) {
          int at = random.nextInt(data.length - 1);
          data[at] = (byte) (random.nextBoolean() ? 0xFF : 0x00);
          data[at + 1] = (byte) random.nextInt(256);
        }
      }
      default -> {
        data = Arrays.copyOf(data, data.length + random.nextInt(64));
        for (int i = original.length; i < data.length; i++) {
          data[i] = (byte) random.nextInt(256);
        }
      }
    }
    return data;
  }

  private void decodeAndPrint(int linkType, byte[] data, int len) throws IOException {
    DecodedFrame frame =
        decoder.decode(1, random.nextInt(), random.nextInt(1_000_000_000), len, linkType, data);
    if (frame.isMalformed()) {
      malformed++;
    }
    for (FrameSink sink : sinks) {
      sink.accept(frame);
    }
  }

  /** Every output mode, writing nowhere: a fuzzed frame must survive being printed each way. */
  static List<FrameSink> allOutputModes() {
    Writer discard = Writer.nullWriter();
    return List.of(
        new SummarySink(discard),
        new LayersSink(discard),
        new HexSink(discard, true),
        new JsonSink(discard),
        new StatsSink(discard));
  }

  private static List<CapturedFrame> realFrames() throws IOException {
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
