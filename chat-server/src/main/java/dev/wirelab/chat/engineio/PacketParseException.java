package dev.wirelab.chat.engineio;

/** Input that is not a valid Engine.IO packet or payload; the message says what was wrong. */
public final class PacketParseException extends Exception {
  public PacketParseException(String message) {
    super(message);
  }
}
