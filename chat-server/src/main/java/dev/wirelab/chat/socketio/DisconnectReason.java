package dev.wirelab.chat.socketio;

/** The reasons a disconnect listener receives, named as the reference server names them. */
public final class DisconnectReason {
  /** The client closed the connection, or it broke. */
  public static final String TRANSPORT_CLOSE = "transport close";

  /** The client stopped answering pings. */
  public static final String PING_TIMEOUT = "ping timeout";

  /** The client left this namespace ({@code socket.disconnect()} on its side). */
  public static final String CLIENT_NAMESPACE_DISCONNECT = "client namespace disconnect";

  /** The server called {@link Socket#disconnect(boolean)}. */
  public static final String SERVER_NAMESPACE_DISCONNECT = "server namespace disconnect";

  /** {@link SocketIoServer#close()}. */
  public static final String SERVER_SHUTTING_DOWN = "server shutting down";

  /** The transport failed. */
  public static final String TRANSPORT_ERROR = "transport error";

  /** The client sent something that is not Socket.IO. */
  public static final String PARSE_ERROR = "parse error";

  /** The server closed the Engine.IO session underneath the socket. */
  public static final String FORCED_CLOSE = "forced close";

  /** The client sent more events per second than allowed. */
  public static final String RATE_LIMIT_EXCEEDED = "rate limit exceeded";

  /** The client's CONNECTs were refused too often (a guessed token, say). */
  public static final String TOO_MANY_REFUSED_CONNECTS = "too many refused CONNECTs";

  private DisconnectReason() {}

  /** Reasons after which the client may come back and recover its session. */
  static boolean isRecoverable(String reason) {
    return switch (reason) {
      case TRANSPORT_CLOSE,
          PING_TIMEOUT,
          TRANSPORT_ERROR,
          FORCED_CLOSE,
          SERVER_SHUTTING_DOWN,
          "forced server close" ->
          true;
      default -> false;
    };
  }
}
