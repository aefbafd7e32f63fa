package dev.wirelab.inspector.app.engineio;

/** The seven Engine.IO v4 packet types; the ordinal is the digit on the wire. */
public enum EngineIoPacketType {
  OPEN,
  CLOSE,
  PING,
  PONG,
  MESSAGE,
  UPGRADE,
  NOOP;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
