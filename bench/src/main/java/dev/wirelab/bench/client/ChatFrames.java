package dev.wirelab.bench.client;

import io.netty.buffer.ByteBuf;

/**
 * The few Engine.IO / Socket.IO text frames a bench client sends, and a fast reader for the one it
 * receives most: {@code 42["chat",{"t":<scheduled nanos>,...}]}, read without a JSON parser so that
 * the generator, not the server, is never the bottleneck.
 */
public final class ChatFrames {
  /** Engine.IO pong, the answer to the server's ping {@code 2}. */
  public static final String PONG = "3";

  /** Socket.IO CONNECT to the main namespace. */
  public static final String CONNECT = "40";

  private static final String TEXT = "the quick brown fox jumps over the lazy dog";

  private ChatFrames() {}

  /** EVENT {@code join} with the room name, ack id 0. */
  public static String join(String room) {
    return "420[\"join\"," + quote(room) + "]";
  }

  /** EVENT {@code chat} with its scheduled send time in nanoseconds since the run's start. */
  public static String chat(long scheduledNanos, int sender) {
    return "42[\"chat\",{\"t\":"
        + scheduledNanos
        + ",\"s\":"
        + sender
        + ",\"m\":\""
        + TEXT
        + "\"}]";
  }

  /**
   * The scheduled send time carried by a {@code chat} EVENT frame, or -1 when the frame is not one.
   */
  public static long scheduledNanos(ByteBuf frame) {
    int start = frame.readerIndex();
    int end = frame.writerIndex();
    if (end - start < 12
        || frame.getByte(start) != '4'
        || frame.getByte(start + 1) != '2'
        || !startsWith(frame, start + 2, "[\"chat\"")) {
      return -1;
    }
    for (int i = start + 9; i < end - 4; i++) {
      if (frame.getByte(i) == '"' && startsWith(frame, i, "\"t\":")) {
        return digits(frame, i + 4, end);
      }
    }
    return -1;
  }

  private static long digits(ByteBuf frame, int from, int end) {
    long value = 0;
    int i = from;
    while (i < end && frame.getByte(i) >= '0' && frame.getByte(i) <= '9') {
      value = value * 10 + (frame.getByte(i) - '0');
      i++;
    }
    return i == from ? -1 : value;
  }

  private static boolean startsWith(ByteBuf frame, int at, String ascii) {
    if (at + ascii.length() > frame.writerIndex()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (frame.getByte(at + i) != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
