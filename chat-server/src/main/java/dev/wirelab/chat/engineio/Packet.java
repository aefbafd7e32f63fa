package dev.wirelab.chat.engineio;

/**
 * One Engine.IO packet: a type and either text (possibly empty) or binary data (only messages carry
 * binary).
 */
public record Packet(PacketType type, String text, byte[] binary) {

  public static Packet of(PacketType type) {
    return new Packet(type, "", null);
  }

  public static Packet text(PacketType type, String text) {
    return new Packet(type, text, null);
  }

  public static Packet message(String text) {
    return new Packet(PacketType.MESSAGE, text, null);
  }

  public static Packet binary(byte[] binary) {
    return new Packet(PacketType.MESSAGE, "", binary);
  }

  public boolean isBinary() {
    return binary != null;
  }

  /** The {@code 2probe} a client sends on a WebSocket to try an upgrade. */
  boolean isProbe() {
    return type == PacketType.PING && "probe".equals(text);
  }

  /** Roughly what this packet costs in an outbound buffer, for the slow-reader limit. */
  int estimatedBytes() {
    return isBinary() ? binary.length * 4 / 3 + 4 : text.length() + 1;
  }

  @Override
  public String toString() {
    return isBinary() ? type + "[" + binary.length + " bytes]" : type + "[" + text + "]";
  }
}
