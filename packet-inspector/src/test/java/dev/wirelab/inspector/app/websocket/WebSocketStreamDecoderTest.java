package dev.wirelab.inspector.app.websocket;

import static dev.wirelab.inspector.app.websocket.WebSocketFrames.concat;
import static dev.wirelab.inspector.app.websocket.WebSocketFrames.frame;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.app.AppFindings;
import dev.wirelab.inspector.app.ChunkContext;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebSocketStreamDecoderTest {
  private static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};

  private final WebSocketStreamDecoder decoder =
      new WebSocketStreamDecoder(new WebSocketReporter());

  private AppFindings packet(byte[] bytes) {
    AppFindings findings = new AppFindings();
    decoder.decode(bytes, 0, bytes.length, new ChunkContext(findings, true, false));
    return findings;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void maskedTextFrameIsUnmasked() {
    AppFindings f = packet(frame(true, WebSocketOpcode.TEXT, MASK, utf8("Hello")));

    assertThat(f.meanings()).containsExactly("WS text \"Hello\"");
    assertThat(f.fields())
        .containsEntry("ws.fin", true)
        .containsEntry("ws.opcode", 1)
        .containsEntry("ws.masked", true)
        .containsEntry("ws.payload_len", 5L);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 125, 126, 65535, 65536, 70000})
  void everyLengthFormRoundTrips(int length) {
    byte[] payload = new byte[length];
    for (int i = 0; i < length; i++) {
      payload[i] = (byte) i;
    }
    AppFindings f = packet(frame(true, WebSocketOpcode.BINARY, MASK, payload));

    assertThat(f.fields()).containsEntry("ws.payload_len", (long) length);
    assertThat(f.meanings()).containsExactly("WS binary " + length + " bytes");
    String form = length < 126 ? "7-bit" : length < 65536 ? "16-bit" : "64-bit";
    assertThat(f.details())
        .anySatisfy(
            d ->
                assertThat(d.value() + " " + d.meaning())
                    .isEqualTo(length + " " + form + " length form"));
  }

  @Test
  void fragmentsAreJoinedAndControlFramesMayComeBetween() {
    AppFindings first = packet(frame(false, WebSocketOpcode.TEXT, null, utf8("Hel")));
    AppFindings ping = packet(frame(true, WebSocketOpcode.PING, null, new byte[0]));
    AppFindings last = packet(frame(true, WebSocketOpcode.CONTINUATION, null, utf8("lo")));

    assertThat(first.meanings()).containsExactly("WS text fragment 1 (3 bytes, more follow)");
    assertThat(ping.meanings()).containsExactly("WS ping");
    assertThat(last.meanings()).containsExactly("WS text \"Hello\" (2 fragments)");
    assertThat(last.fields()).containsEntry("ws.opcode", 0).containsEntry("ws.fin", true);
  }

  @Test
  void closeShowsCodeAndReason() {
    byte[] body = concat(new byte[] {0x03, (byte) 0xe8}, utf8("bye"));

    assertThat(packet(frame(true, WebSocketOpcode.CLOSE, MASK, body)).meanings())
        .containsExactly("WS close 1000 \"bye\"");
  }

  @Test
  void severalFramesInOnePacketAreCountedLikeTshark() {
    AppFindings f =
        packet(concat(frame(true, 1, null, utf8("a")), frame(true, 2, null, new byte[3])));

    assertThat(f.fields()).containsEntry("ws.count", 2).containsEntry("ws.opcode", 1);
    assertThat(f.meanings()).containsExactly("WS text \"a\"", "WS binary 3 bytes");
  }

  @Test
  void aFrameSplitOverPacketsIsShownWhenCompleteButItsFieldsStayOnTheFirst() {
    byte[] whole = frame(true, WebSocketOpcode.TEXT, MASK, utf8("split message"));
    AppFindings first = packet(java.util.Arrays.copyOfRange(whole, 0, 8));
    AppFindings rest = new AppFindings();
    decoder.decode(whole, 8, whole.length - 8, new ChunkContext(rest, true, false));

    assertThat(first.fields()).containsEntry("ws.payload_len", 13L);
    assertThat(first.meanings())
        .containsExactly("WS text frame continues (2 of 13 payload bytes so far)");
    assertThat(rest.fields()).isEmpty();
    assertThat(rest.meanings()).containsExactly("WS text \"split message\"");
  }

  @Test
  void malformedFramesAreReportedAndDecodingGoesOn() {
    AppFindings reserved = packet(frame(true, 0x3, null, new byte[2]));
    AppFindings bigPing = packet(frame(true, WebSocketOpcode.PING, null, new byte[126]));
    AppFindings orphan = packet(frame(true, WebSocketOpcode.CONTINUATION, null, new byte[1]));
    AppFindings badUtf8 = packet(frame(true, WebSocketOpcode.TEXT, null, new byte[] {(byte) 0xff}));
    AppFindings after = packet(frame(true, WebSocketOpcode.TEXT, null, utf8("still here")));

    assertThat(reserved.malformedReasons()).containsExactly("WebSocket reserved opcode 3");
    assertThat(bigPing.malformedReasons())
        .containsExactly("WebSocket control frame longer than 125 bytes (126)");
    assertThat(orphan.malformedReasons())
        .containsExactly("WebSocket continuation frame without a message to continue");
    assertThat(badUtf8.malformedReasons()).containsExactly("WebSocket text is not valid UTF-8");
    assertThat(after.meanings()).containsExactly("WS text \"still here\"");
  }
}
