package dev.wirelab.chat.engineio;

/** The seven Engine.IO v4 packet types; the digit is the first character of a text packet. */
public enum PacketType {
  OPEN,
  CLOSE,
  PING,
  PONG,
  MESSAGE,
  UPGRADE,
  NOOP;

  private static final PacketType[] BY_DIGIT = values();

  /** The digit that stands for this type on the wire. */
  public char digit() {
    return (char) ('0' + ordinal());
  }

  /** The type a wire digit stands for, or null when the character is not one. */
  static PacketType ofDigit(char digit) {
    int index = digit - '0';
    return index >= 0 && index < BY_DIGIT.length ? BY_DIGIT[index] : null;
  }
}
