package dev.wirelab.chat.socketio.protocol;

/** A client sent something that is not a valid Socket.IO v5 packet; the message says what. */
public final class ProtocolException extends Exception {
  public ProtocolException(String message) {
    super(message);
  }

  public ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
