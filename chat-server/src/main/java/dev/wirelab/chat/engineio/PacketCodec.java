package dev.wirelab.chat.engineio;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Engine.IO v4 text encoding: a packet is its type digit followed by its data; binary travels as
 * {@code b<base64>} inside polling payloads, and payloads join packets with the record separator
 * {@code \x1e} (which JSON text never contains unescaped).
 */
public final class PacketCodec {
  /** Separates the packets of one HTTP long-polling payload. */
  public static final char RECORD_SEPARATOR = '\u001e';

  private PacketCodec() {}

  /** The text form of a non-binary packet, as sent in a WebSocket text frame. */
  public static String encode(Packet packet) {
    if (packet.isBinary()) {
      throw new IllegalArgumentException("binary packets have no plain text form: " + packet);
    }
    return packet.type().digit() + packet.text();
  }

  /** Parses the text form of one packet, as received in a WebSocket text frame. */
  public static Packet decode(String text) throws PacketParseException {
    if (text.isEmpty()) {
      throw new PacketParseException("empty packet");
    }
    PacketType type = PacketType.ofDigit(text.charAt(0));
    if (type == null) {
      throw new PacketParseException("unknown packet type '" + printable(text.charAt(0)) + "'");
    }
    return Packet.text(type, text.substring(1));
  }

  /** Joins packets into one polling payload, base64-encoding binary ones. */
  public static String encodePayload(List<Packet> packets) {
    StringBuilder payload = new StringBuilder();
    for (Packet packet : packets) {
      if (payload.length() > 0) {
        payload.append(RECORD_SEPARATOR);
      }
      if (packet.isBinary()) {
        payload.append('b').append(Base64.getEncoder().encodeToString(packet.binary()));
      } else {
        payload.append(packet.type().digit()).append(packet.text());
      }
    }
    return payload.toString();
  }

  /** Splits a polling payload into its packets; any bad packet rejects the whole payload. */
  public static List<Packet> decodePayload(String payload) throws PacketParseException {
    List<Packet> packets = new ArrayList<>();
    int start = 0;
    while (start <= payload.length()) {
      int end = payload.indexOf(RECORD_SEPARATOR, start);
      if (end < 0) {
        end = payload.length();
      }
      packets.add(decodePayloadPacket(payload.substring(start, end)));
      start = end + 1;
    }
    return packets;
  }

  private static Packet decodePayloadPacket(String text) throws PacketParseException {
    if (text.startsWith("b")) {
      try {
        return Packet.binary(Base64.getDecoder().decode(text.substring(1)));
      } catch (IllegalArgumentException e) {
        throw new PacketParseException("bad base64 in binary packet: " + e.getMessage());
      }
    }
    return decode(text);
  }

  private static String printable(char c) {
    return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }
}
