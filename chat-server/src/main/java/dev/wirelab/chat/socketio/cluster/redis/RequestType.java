package dev.wirelab.chat.socketio.cluster.redis;

/**
 * The {@code type} of a request or response of the classic Redis adapter
 * ({@code @socket.io/redis-adapter} 8.x, its {@code RequestType} enum): the numbers on the wire.
 */
enum RequestType {
  SOCKETS(0),
  ALL_ROOMS(1),
  REMOTE_JOIN(2),
  REMOTE_LEAVE(3),
  REMOTE_DISCONNECT(4),
  REMOTE_FETCH(5),
  SERVER_SIDE_EMIT(6),
  BROADCAST(7),
  BROADCAST_CLIENT_COUNT(8),
  BROADCAST_ACK(9);

  private final int code;

  RequestType(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }

  /** The type with this number, or null for a number this version does not know. */
  static RequestType of(int code) {
    RequestType[] all = values();
    return code >= 0 && code < all.length ? all[code] : null;
  }
}
