package dev.wirelab.chat.socketio;

import dev.wirelab.chat.engineio.CloseReason;

/**
 * Why a socket disconnected, as its disconnect listeners receive it. {@link #wireName()} is the
 * reference server's string; the reasons that come from the Engine.IO session below take theirs
 * from {@link CloseReason}, so each string is written once.
 */
public enum DisconnectReason {
  /** The client closed the connection, or it broke. */
  TRANSPORT_CLOSE(CloseReason.TRANSPORT_CLOSE, true),
  /** The transport failed. */
  TRANSPORT_ERROR(CloseReason.TRANSPORT_ERROR, true),
  /** The client sent something that is not Engine.IO or not Socket.IO. */
  PARSE_ERROR(CloseReason.PARSE_ERROR, false),
  /** The client stopped answering pings. */
  PING_TIMEOUT(CloseReason.PING_TIMEOUT, true),
  /** The server closed the Engine.IO session underneath the socket. */
  FORCED_CLOSE(CloseReason.FORCED_CLOSE, true),
  /** The Engine.IO server closed every session. */
  FORCED_SERVER_CLOSE(CloseReason.FORCED_SERVER_CLOSE, true),
  /** The client left this namespace ({@code socket.disconnect()} on its side). */
  CLIENT_NAMESPACE_DISCONNECT("client namespace disconnect", false),
  /** The server called {@link Socket#disconnect(boolean)}. */
  SERVER_NAMESPACE_DISCONNECT("server namespace disconnect", false),
  /** {@link SocketIoServer#close()}. */
  SERVER_SHUTTING_DOWN("server shutting down", true),
  /** The client sent more events per second than allowed. */
  RATE_LIMIT_EXCEEDED("rate limit exceeded", false),
  /** The client's CONNECTs were refused too often (a guessed token, say). */
  TOO_MANY_REFUSED_CONNECTS("too many refused CONNECTs", false);

  private final String wireName;
  private final boolean recoverable;

  DisconnectReason(CloseReason engineReason, boolean recoverable) {
    this(engineReason.wireName(), recoverable);
  }

  DisconnectReason(String wireName, boolean recoverable) {
    this.wireName = wireName;
    this.recoverable = recoverable;
  }

  /** The reason a socket gets when its Engine.IO session ends for {@code reason}. */
  public static DisconnectReason of(CloseReason reason) {
    return switch (reason) {
      case TRANSPORT_CLOSE -> TRANSPORT_CLOSE;
      case TRANSPORT_ERROR -> TRANSPORT_ERROR;
      case PARSE_ERROR -> PARSE_ERROR;
      case PING_TIMEOUT -> PING_TIMEOUT;
      case FORCED_CLOSE -> FORCED_CLOSE;
      case FORCED_SERVER_CLOSE -> FORCED_SERVER_CLOSE;
    };
  }

  /** The reference server's string for this reason, as its {@code disconnect} listeners get it. */
  public String wireName() {
    return wireName;
  }

  /** Whether the client may come back and recover its session (connection state recovery). */
  boolean isRecoverable() {
    return recoverable;
  }

  /** The wire name, so that a reason reads in a log or a lab's output as the reference's would. */
  @Override
  public String toString() {
    return wireName;
  }
}
