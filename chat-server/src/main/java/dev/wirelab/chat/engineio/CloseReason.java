package dev.wirelab.chat.engineio;

/**
 * Why an Engine.IO session ended. {@link #wireName()} is the reference server's string for it,
 * which {@link EngineIoSocket.Handler#onClose} receives and Socket.IO passes on to its disconnect
 * listeners.
 */
public enum CloseReason {
  /** The client closed: its {@code 1}, its WebSocket's close, or its waiting GET's connection. */
  TRANSPORT_CLOSE("transport close"),
  /** The connection failed, or the client read too slowly. */
  TRANSPORT_ERROR("transport error"),
  /** The client sent something that is not Engine.IO. */
  PARSE_ERROR("parse error"),
  /** No pong within pingTimeout. */
  PING_TIMEOUT("ping timeout"),
  /** {@link EngineIoSocket#close()}. */
  FORCED_CLOSE("forced close"),
  /** {@link EngineIoServer#closeAll()}. */
  FORCED_SERVER_CLOSE("forced server close");

  private final String wireName;

  CloseReason(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
