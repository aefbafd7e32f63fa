package dev.wirelab.inspector.app.tls;

import static dev.wirelab.inspector.app.tls.TlsBytes.concat;
import static dev.wirelab.inspector.app.tls.TlsBytes.handshake;
import static dev.wirelab.inspector.app.tls.TlsBytes.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Packets;
import dev.wirelab.inspector.app.AppFindings;
import dev.wirelab.inspector.app.ChunkContext;
import dev.wirelab.inspector.app.FuzzGuard;
import dev.wirelab.inspector.decode.FrameDecoder;
import dev.wirelab.inspector.decode.MalformedFrameException;
import dev.wirelab.inspector.model.DecodedFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the TLS decoder: real-shaped handshakes mutated and cut at random, and plain
 * random bytes, on port 443 through the whole inspector and into each parser. Nothing may escape
 * but {@link MalformedFrameException} (a frame's "X failed: ..." reason is an escaped bug).
 */
class TlsFuzzTest {
  private static final long SEED = 20261202L;
  private static final int CONVERSATIONS = 1500;
  private static final int PARSER_INPUTS = 20000;

  private final Random random = new Random(SEED);
  private final List<String> unexpected = new ArrayList<>();

  @Test
  void mutatedAndRandomStreamsOnPort443NeverThrowAnythingButMalformed() {
    int malformed = 0;
    for (int i = 0; i < CONVERSATIONS; i++) {
      FrameDecoder decoder = FrameDecoder.withInstalledDecoders(FrameDecoder.Detail.FIELDS);
      boolean noise = i % 3 == 0;
      byte[] client = noise ? noise() : mutate(clientFlight());
      byte[] server =
          noise ? noise() : mutate(random.nextBoolean() ? tls13Flight() : tls12Flight());
      long[] number = {0};
      List<byte[]> frames = new ArrayList<>();
      frames.add(frame(true, 1000, 0, 0x02, new byte[0]));
      frames.add(frame(false, 5000, 1001, 0x12, new byte[0]));
      frames.addAll(segments(true, 1001, client));
      frames.addAll(segments(false, 5001, server));
      for (byte[] frame : frames) {
        DecodedFrame decoded = decoder.decode(++number[0], 0, 0, frame.length, 1, frame);
        malformed += decoded.isMalformed() ? 1 : 0;
        for (String reason : decoded.malformed()) {
          if (reason.contains(" failed: ")) {
            unexpected.add(reason);
          }
        }
      }
    }
    assertThat(unexpected).isEmpty();
    assertThat(malformed).as("the mutations do reach the TLS checks").isPositive();
  }

  @Test
  void randomBytesIntoEveryParserNeverThrowAnythingButMalformed() {
    byte[] hello = Arrays.copyOfRange(clientFlight(), 9, clientFlight().length);
    for (int i = 0; i < PARSER_INPUTS; i++) {
      byte[] raw = random.nextBoolean() ? noise() : mutate(hello);
      FuzzGuard.guarded(() -> ClientHello.parse(raw, 0, raw.length), unexpected);
      FuzzGuard.guarded(() -> ServerHello.parse(raw, 0, raw.length), unexpected);
      TlsStreamDecoder decoder = new TlsStreamDecoder(new TlsSession(), random.nextInt(2));
      FuzzGuard.guarded(
          () ->
              decoder.decode(raw, 0, raw.length, new ChunkContext(new AppFindings(), true, false)),
          unexpected);
    }
    assertThat(unexpected).isEmpty();
  }

  private byte[] clientFlight() {
    byte[] hello =
        handshake(
            1,
            TlsBytes.clientHello(
                "example.com",
                List.of("h2", "http/1.1"),
                List.of(0x0304, 0x0303),
                List.of(0x1301)));
    return concat(record(22, 0x0301, hello), record(20, 0x0303, new byte[] {1}), appData(60));
  }

  private byte[] tls13Flight() {
    byte[] hello = handshake(2, TlsBytes.serverHello(0x1302, 0x0304, List.of()));
    return concat(record(22, 0x0303, hello), record(20, 0x0303, new byte[] {1}), appData(900));
  }

  private byte[] tls12Flight() {
    byte[] hello = handshake(2, TlsBytes.serverHello(0xc02f, 0, List.of("http/1.1")));
    byte[] certificate = handshake(11, new byte[] {0, 0, 6, 0, 0, 3, 1, 2, 3});
    byte[] both = concat(hello, certificate, handshake(14, new byte[0]));
    int cut = random.nextInt(both.length);
    return concat(
        record(22, 0x0303, Arrays.copyOfRange(both, 0, cut)),
        record(22, 0x0303, Arrays.copyOfRange(both, cut, both.length)),
        record(20, 0x0303, new byte[] {1}),
        record(22, 0x0303, new byte[40]),
        appData(300),
        record(21, 0x0303, new byte[26]));
  }

  private byte[] appData(int max) {
    return record(23, 0x0303, new byte[random.nextInt(max)]);
  }

  private byte[] noise() {
    byte[] raw = new byte[random.nextInt(300)];
    random.nextBytes(raw);
    if (raw.length > 3 && random.nextBoolean()) {
      raw[0] = (byte) (20 + random.nextInt(5));
      raw[1] = 3;
    }
    return raw;
  }

  private byte[] mutate(byte[] data) {
    byte[] copy = data.clone();
    int flips = random.nextInt(4);
    for (int i = 0; i < flips && copy.length > 0; i++) {
      copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
    }
    return random.nextInt(5) == 0 && copy.length > 0
        ? Arrays.copyOf(copy, random.nextInt(copy.length))
        : copy;
  }

  private List<byte[]> segments(boolean fromClient, long isn, byte[] data) {
    List<byte[]> out = new ArrayList<>();
    int pos = 0;
    while (pos < data.length) {
      int len = Math.min(data.length - pos, 1 + random.nextInt(200));
      byte[] piece = Arrays.copyOfRange(data, pos, pos + len);
      if (random.nextInt(10) != 0) {
        out.add(frame(fromClient, isn + pos, 0, 0x18, piece));
      }
      if (random.nextInt(8) == 0) {
        out.add(frame(fromClient, isn + pos, 0, 0x18, piece));
      }
      pos += len;
    }
    return out;
  }

  private static byte[] frame(boolean fromClient, long seq, long ack, int flags, byte[] payload) {
    return fromClient
        ? Packets.tcpFrame("10.0.0.1", 40000, "10.0.0.2", 443, seq, ack, flags, payload)
        : Packets.tcpFrame("10.0.0.2", 443, "10.0.0.1", 40000, seq, ack, flags, payload);
  }
}
