package dev.wirelab.inspector.app.websocket;

/** The RFC 6455 opcodes by name; data frames are below 8, control frames from 8 on. */
public final class WebSocketOpcode {
  public static final int CONTINUATION = 0x0;
  public static final int TEXT = 0x1;
  public static final int BINARY = 0x2;
  public static final int CLOSE = 0x8;
  public static final int PING = 0x9;
  public static final int PONG = 0xA;

  private WebSocketOpcode() {}

  public static String name(int opcode) {
    return switch (opcode) {
      case CONTINUATION -> "continuation";
      case TEXT -> "text";
      case BINARY -> "binary";
      case CLOSE -> "close";
      case PING -> "ping";
      case PONG -> "pong";
      default -> "reserved";
    };
  }

  public static boolean isControl(int opcode) {
    return (opcode & 0x8) != 0;
  }

  public static boolean isDefined(int opcode) {
    return opcode <= BINARY || (opcode >= CLOSE && opcode <= PONG);
  }
}
