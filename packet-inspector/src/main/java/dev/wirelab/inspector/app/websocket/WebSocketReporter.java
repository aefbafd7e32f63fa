package dev.wirelab.inspector.app.websocket;

import dev.wirelab.inspector.app.AppFindings;
import dev.wirelab.inspector.app.Quote;
import dev.wirelab.inspector.decode.MalformedFrameException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Shows plain WebSocket messages and control frames: {@code WS text "hello"}, {@code WS close 1000
 * "bye"}.
 */
public final class WebSocketReporter implements WebSocketListener {
  @Override
  public void onMessage(int opcode, byte[] payload, long total, int fragments, AppFindings out) {
    String joined = fragments > 1 ? " (" + fragments + " fragments)" : "";
    if (opcode == WebSocketOpcode.TEXT) {
      String text = utf8(payload);
      out.detail("WebSocket", "Text", Quote.text(text));
      out.meaning("WS text " + Quote.text(text) + joined);
    } else {
      out.detail("WebSocket", "Binary", total + " bytes");
      out.meaning("WS binary " + total + " bytes" + joined);
    }
  }

  @Override
  public void onControl(int opcode, byte[] payload, AppFindings out) {
    out.meaning(control(opcode, payload));
  }

  /** E.g. {@code WS ping}, {@code WS close 1000 "bye"}; a 1-byte close body is malformed. */
  public static String control(int opcode, byte[] payload) {
    if (opcode != WebSocketOpcode.CLOSE) {
      return "WS "
          + WebSocketOpcode.name(opcode)
          + (payload.length > 0 ? " " + payload.length + " bytes" : "");
    }
    if (payload.length == 0) {
      return "WS close (no status code)";
    }
    if (payload.length == 1) {
      throw new MalformedFrameException(
          "WebSocket close frame with a 1-byte body (a status code needs 2)");
    }
    int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
    String reason = utf8(java.util.Arrays.copyOfRange(payload, 2, payload.length));
    return "WS close " + code + (reason.isEmpty() ? "" : " " + Quote.text(reason));
  }

  /** Decodes text strictly: a text message must be valid UTF-8 (RFC 6455 section 8.1). */
  public static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new MalformedFrameException("WebSocket text is not valid UTF-8");
    }
  }
}
