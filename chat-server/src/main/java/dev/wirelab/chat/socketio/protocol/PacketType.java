package dev.wirelab.chat.socketio.protocol;

/** The seven Socket.IO v5 packet types; the digit is the first character of every packet. */
public enum PacketType {
  CONNECT,
  DISCONNECT,
  EVENT,
  ACK,
  CONNECT_ERROR,
  BINARY_EVENT,
  BINARY_ACK;

  /** The digit that starts the encoded packet. */
  public char code() {
    return (char) ('0' + ordinal());
  }

  /** True for the types whose header announces binary attachments ({@code 5} and {@code 6}). */
  public boolean isBinary() {
    return this == BINARY_EVENT || this == BINARY_ACK;
  }

  /** The type for a packet code, or null when the character is not a Socket.IO packet type. */
  static PacketType fromCode(char code) {
    int index = code - '0';
    PacketType[] types = values();
    return index >= 0 && index < types.length ? types[index] : null;
  }
}
