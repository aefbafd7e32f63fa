package dev.wirelab.inspector.app.engineio;

/**
 * One Engine.IO v4 packet: its type and either text data (after the type digit) or binary data (a
 * WebSocket binary frame, or base64 after {@code b} in a polling payload).
 */
public record EngineIoPacket(EngineIoPacketType type, String text, byte[] binary) {
  public boolean isBinary() {
    return binary != null;
  }
}
