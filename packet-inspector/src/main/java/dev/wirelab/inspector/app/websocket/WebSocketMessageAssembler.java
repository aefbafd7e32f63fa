package dev.wirelab.inspector.app.websocket;

import dev.wirelab.inspector.app.AppFindings;
import dev.wirelab.inspector.app.BoundedBytes;
import dev.wirelab.inspector.decode.MalformedFrameException;

/**
 * Joins a text or binary frame and its continuation frames into one message; control frames pass
 * through.
 */
final class WebSocketMessageAssembler {
  private final WebSocketListener listener;
  private final BoundedBytes message = new BoundedBytes();
  private int messageOpcode = -1;
  private int fragments;

  WebSocketMessageAssembler(WebSocketListener listener) {
    this.listener = listener;
  }

  void onFrame(WebSocketFrameHeader header, byte[] payload, AppFindings out) {
    int opcode = header.opcode();
    if (WebSocketOpcode.isControl(opcode)) {
      listener.onControl(opcode, payload, out);
      return;
    }
    if (opcode == WebSocketOpcode.CONTINUATION) {
      if (messageOpcode < 0) {
        throw new MalformedFrameException(
            "WebSocket continuation frame without a message to continue");
      }
    } else {
      if (messageOpcode >= 0) {
        reset();
        out.malformed(
            "WebSocket new "
                + WebSocketOpcode.name(opcode)
                + " message before the previous one finished");
      }
      messageOpcode = opcode;
    }
    message.append(payload, 0, payload.length);
    fragments++;
    if (!header.fin()) {
      out.meaning(
          "WS "
              + WebSocketOpcode.name(messageOpcode)
              + " fragment "
              + fragments
              + " ("
              + payload.length
              + " bytes, more follow)");
      return;
    }
    listener.onMessage(messageOpcode, message.toArray(), message.total(), fragments, out);
    reset();
  }

  void reset() {
    message.clear();
    messageOpcode = -1;
    fragments = 0;
  }
}
