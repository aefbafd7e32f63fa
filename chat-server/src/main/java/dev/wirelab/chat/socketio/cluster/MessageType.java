package dev.wirelab.chat.socketio.cluster;

/**
 * The {@code type} of a message between nodes of socket.io-adapter's cluster protocol ({@code
 * cluster-adapter.ts} {@code MessageType}), which the Redis Streams adapter speaks: the numbers on
 * the wire.
 */
public enum MessageType {
  INITIAL_HEARTBEAT(1),
  HEARTBEAT(2),
  BROADCAST(3),
  SOCKETS_JOIN(4),
  SOCKETS_LEAVE(5),
  DISCONNECT_SOCKETS(6),
  FETCH_SOCKETS(7),
  FETCH_SOCKETS_RESPONSE(8),
  SERVER_SIDE_EMIT(9),
  SERVER_SIDE_EMIT_RESPONSE(10),
  BROADCAST_CLIENT_COUNT(11),
  BROADCAST_ACK(12),
  ADAPTER_CLOSE(13);

  private final int code;

  MessageType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The type with this number, or null for a number this version does not know. */
  public static MessageType of(int code) {
    MessageType[] all = values();
    return code >= 1 && code <= all.length ? all[code - 1] : null;
  }
}
