package dev.wirelab.inspector.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.wirelab.inspector.Inspector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged capture files (seeded random mutations of real pcap and pcapng files, and cuts at every
 * kind of place): the readers either refuse the file with a {@link CaptureFileException} or give
 * frames until the end, always in bounded time and never with any other exception.
 */
class CaptureFileFuzzTest {
  private static final List<String> FILES =
      List.of(
          "bigendian.pcap",
          "tcp-handshake-nano.pcap",
          "dns.pcap",
          "tcp_handshake.pcapng",
          "arp_resolution.pcapng",
          "quic_handshake_truncated.pcap",
          "dns_tcp.pcapng");
  private final Random random = new Random(0xF11E5L);

  @Test
  void mutatedFilesAreReadOrRefusedCleanly() throws IOException {
    int refused = 0;
    for (int i = 0; i < 4_000; i++) {
      byte[] file = mutate(Inspector.captureBytes(FILES.get(random.nextInt(FILES.size()))));
      refused += readAll(file) ? 0 : 1;
    }
    assertThat(refused).as("some mutations hit the file header").isPositive();
  }

  @Test
  void everyCutOfAFileIsHandled() throws IOException {
    for (String name : List.of("tcp_handshake.pcapng", "bigendian.pcap")) {
      byte[] file = Inspector.captureBytes(name);
      for (int length = 0; length <= file.length; length++) {
        readAll(Arrays.copyOf(file, length));
      }
    }
  }

  /** Reads every frame; false when the file was refused. Fails on a reader that does not end. */
  private static boolean readAll(byte[] file) throws IOException {
    FrameSource source;
    try {
      source = CaptureFiles.open(new ByteArrayInputStream(file), "fuzzed");
    } catch (CaptureFileException refused) {
      assertThat(refused.exitCode()).isEqualTo(2);
      return false;
    }
    try (source) {
      int bound = file.length / 12 + 2;
      for (int frames = 0; frames <= bound; frames++) {
        if (source.next() == null) {
          return true;
        }
      }
      fail("the reader gave more frames than the file can hold");
      return true;
    }
  }

  private byte[] mutate(byte[] original) {
    byte[] data = original.clone();
    int flips = 1 + random.nextInt(6);
    for (int i = 0; i < flips; i++) {
      int at = random.nextInt(Math.min(data.length, random.nextBoolean() ? 64 : data.length));
      data[at] = (byte) random.nextInt(256);
    }
    return random.nextInt(4) == 0 ? Arrays.copyOf(data, random.nextInt(data.length)) : data;
  }
}
