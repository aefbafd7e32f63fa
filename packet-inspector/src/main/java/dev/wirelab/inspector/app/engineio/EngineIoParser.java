package dev.wirelab.inspector.app.engineio;

import dev.wirelab.inspector.decode.MalformedFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Parses Engine.IO v4 packets from WebSocket messages and HTTP long-polling payloads. */
public final class EngineIoParser {
  /** The record separator between packets of one long-polling payload. */
  public static final char SEPARATOR = '\u001e';

  private EngineIoParser() {}

  /**
   * A text packet: the type digit, then its data ({@code 4hello}, {@code 2probe}, {@code
   * 0{"sid":..}}).
   */
  public static EngineIoPacket parseText(String packet) {
    if (packet.isEmpty()) {
      throw new MalformedFrameException("empty Engine.IO packet");
    }
    char digit = packet.charAt(0);
    if (digit < '0' || digit > '6') {
      throw new MalformedFrameException(
          "Engine.IO packet type '" + printable(digit) + "' is not 0-6");
    }
    return new EngineIoPacket(EngineIoPacketType.values()[digit - '0'], packet.substring(1), null);
  }

  /** A WebSocket binary frame: in v4 it is a message packet with no type byte. */
  public static EngineIoPacket binaryMessage(byte[] data) {
    return new EngineIoPacket(EngineIoPacketType.MESSAGE, null, data);
  }

  /**
   * A long-polling body: packets separated by {@code \x1e}; {@code b} + base64 is a binary message.
   */
  public static List<EngineIoPacket> parsePayload(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    List<EngineIoPacket> packets = new ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf(SEPARATOR, start);
      if (end < 0) {
        end = text.length();
      }
      packets.add(parsePayloadPacket(text.substring(start, end)));
      start = end + 1;
    }
    return packets;
  }

  private static EngineIoPacket parsePayloadPacket(String packet) {
    if (!packet.startsWith("b")) {
      return parseText(packet);
    }
    try {
      return binaryMessage(Base64.getDecoder().decode(packet.substring(1)));
    } catch (IllegalArgumentException e) {
      throw new MalformedFrameException(
          "Engine.IO binary packet is not valid base64: " + e.getMessage());
    }
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }
}
