package dev.wirelab.inspector.app.websocket;

import dev.wirelab.inspector.app.AppFindings;

/** Complete WebSocket messages and control frames, unmasked, in stream order. */
public interface WebSocketListener {
  /**
   * A whole text or binary message, its fragments joined; {@code payload} may be cut, {@code total}
   * is not.
   */
  void onMessage(int opcode, byte[] payload, long total, int fragments, AppFindings out);

  /** A close, ping or pong frame. */
  void onControl(int opcode, byte[] payload, AppFindings out);
}
