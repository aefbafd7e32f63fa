package dev.wirelab.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.app.engineio.EngineIoParser;
import dev.wirelab.inspector.app.http.HttpHeadParser;
import dev.wirelab.inspector.app.socketio.SocketIoParser;
import dev.wirelab.inspector.app.websocket.WebSocketFrameHeader;
import dev.wirelab.inspector.decode.MalformedFrameException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the application decoders: real conversations (HTTP, WebSocket upgrade,
 * Engine.IO polling and Socket.IO) mutated, cut into random segments, retransmitted and reordered,
 * and random text into every parser. Nothing may escape but {@link MalformedFrameException}.
 */
class AppDecoderFuzzTest {
  private static final long SEED = 20261125L;
  private static final int CONVERSATIONS = 3000;
  private static final int PARSER_INPUTS = 5000;

  private static final String REQUEST =
      "GET /socket.io/?EIO=4&transport=websocket&sid=abc HTTP/1.1\r\n"
          + "Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"
          + "POST /socket.io/?EIO=4&transport=polling&sid=abc HTTP/1.1\r\nContent-Length: 30\r\n\r\n"
          + "42/chat,1[\"message\",\"hi\"]\u001e2";
  private static final String RESPONSE =
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "4\r\n40{}\r\n0\r\n\r\n"
          + "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n";

  private final Random random = new Random(SEED);
  private final List<String> unexpected = new ArrayList<>();

  @Test
  void mutatedConversationsNeverThrowAnythingButMalformed() {
    for (int i = 0; i < CONVERSATIONS; i++) {
      byte[] client = mutate(concat(bytes(REQUEST), webSocketFrames(true)));
      byte[] server = mutate(concat(bytes(RESPONSE), webSocketFrames(false)));
      ConnectionDecoder connection = new ConnectionDecoder(new EngineIoSessions());
      long[] frame = {0};
      List<Runnable> segments = new ArrayList<>();
      segments.addAll(segments(connection, 0, 1000, client, frame));
      segments.addAll(segments(connection, 1, 5000, server, frame));
      java.util.Collections.shuffle(segments.subList(0, segments.size() / 3), random);
      segments.forEach(segment -> FuzzGuard.guarded(segment, unexpected));
    }
    assertThat(unexpected).isEmpty();
  }

  @Test
  void randomTextIntoEveryParserNeverThrowsAnythingButMalformed() {
    String alphabet = "0123456789[]{}\",:/-_ab\u001e\r\n HTTP/1.GETPOST_placeholdernum";
    for (int i = 0; i < PARSER_INPUTS; i++) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(40);
      for (int j = 0; j < n; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = s.toString();
      byte[] raw = new byte[random.nextInt(20)];
      random.nextBytes(raw);
      FuzzGuard.guarded(() -> SocketIoParser.parse(text), unexpected);
      FuzzGuard.guarded(() -> EngineIoParser.parsePayload(bytes(text)), unexpected);
      FuzzGuard.guarded(() -> HttpHeadParser.parse(bytes(text), 0, text.length()), unexpected);
      FuzzGuard.guarded(() -> WebSocketFrameHeader.parse(raw, 0, raw.length), unexpected);
    }
    assertThat(unexpected).isEmpty();
  }

  private List<Runnable> segments(
      ConnectionDecoder connection, int direction, long isn, byte[] data, long[] frame) {
    List<Runnable> out = new ArrayList<>();
    out.add(segment(connection, direction, ++frame[0], isn, true, new byte[0]));
    int pos = 0;
    while (pos < data.length) {
      int len = Math.min(data.length - pos, 1 + random.nextInt(64));
      byte[] piece = java.util.Arrays.copyOfRange(data, pos, pos + len);
      long seq = isn + 1 + pos;
      out.add(segment(connection, direction, ++frame[0], seq, false, piece));
      if (random.nextInt(8) == 0) {
        out.add(segment(connection, direction, ++frame[0], seq, false, piece));
      }
      pos += len;
    }
    return out;
  }

  private Runnable segment(
      ConnectionDecoder connection, int direction, long frame, long seq, boolean syn, byte[] data) {
    boolean rst = random.nextInt(500) == 0;
    return () ->
        connection.onSegment(
            direction,
            frame,
            seq,
            random.nextBoolean() ? seq : -1,
            syn,
            false,
            rst,
            data,
            0,
            data.length,
            data.length + (random.nextInt(50) == 0 ? 3 : 0),
            new AppFindings());
  }

  private byte[] webSocketFrames(boolean masked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] texts = {
      "2probe",
      "3probe",
      "5",
      "42/chat,1[\"message\",\"hi\"]",
      "451-[\"up\",{\"_placeholder\":true,\"num\":0}]"
    };
    for (int i = 0; i < 6; i++) {
      boolean binary = random.nextInt(4) == 0;
      byte[] payload =
          binary ? new byte[random.nextInt(200)] : bytes(texts[random.nextInt(texts.length)]);
      int opcode = random.nextInt(10) == 0 ? 8 + random.nextInt(3) : binary ? 2 : 1;
      byte[] frame = frame(random.nextInt(6) != 0, opcode, masked, payload);
      out.write(frame, 0, frame.length);
    }
    return out.toByteArray();
  }

  private byte[] frame(boolean fin, int opcode, boolean masked, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((fin ? 0x80 : 0) | opcode);
    out.write((masked ? 0x80 : 0) | (payload.length < 126 ? payload.length : 126));
    if (payload.length >= 126) {
      out.write(payload.length >> 8);
      out.write(payload.length & 0xFF);
    }
    byte[] key = new byte[4];
    random.nextBytes(key);
    if (masked) {
      out.write(key, 0, 4);
    }
    for (int i = 0; i < payload.length; i++) {
      out.write(payload[i] ^ (masked ? key[i % 4] : 0));
    }
    return out.toByteArray();
  }

  private byte[] mutate(byte[] data) {
    byte[] copy = data.clone();
    int flips = random.nextInt(4);
    for (int i = 0; i < flips; i++) {
      copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
    }
    return random.nextInt(5) == 0
        ? java.util.Arrays.copyOf(copy, random.nextInt(copy.length))
        : copy;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
