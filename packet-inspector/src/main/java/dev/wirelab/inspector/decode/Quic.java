package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * QUIC headers (RFC 8999 invariants, RFC 9000 17) on UDP 443: header form, version, packet type and
 * connection ids of every packet coalesced in the datagram. The payload, and even the packet
 * number, are encrypted, so decoding stops at the header.
 */
final class Quic {
  static final int PORT = 443;

  /** Why the rest of each packet is not shown. */
  private static final String ENCRYPTED =
      "encrypted; header protection hides the packet number too. Initial packets use keys anyone"
          + " can derive from the client's first Destination Connection ID (RFC 9001 5.2), which"
          + " the inspector does not do; all later ones keys only the two ends derive in the TLS"
          + " handshake that QUIC carries";

  private Quic() {}

  static boolean isQuicPort(int port) {
    return port == PORT;
  }

  static void decode(Dissection d, int offset, int end) {
    if (offset >= end) {
      return;
    }
    Layer layer = d.layer(new Layer("QUIC", 4, offset, end));
    List<String> packets = new ArrayList<>();
    int at = offset;
    try {
      while (at < end) {
        int first = d.data[at] & 0xff;
        if ((first & 0x80) == 0) {
          packets.add(shortHeader(d, layer, at, end));
          break;
        }
        if (at > offset && (first & 0x40) == 0) {
          // What follows the last packet is padding, not another packet.
          layer.add("Padding", (end - at) + " bytes", "after the last packet", at, end - at);
          break;
        }
        int next = longHeader(d, layer, at, end, packets);
        if (next <= at) {
          break;
        }
        at = next;
      }
    } finally {
      if (!packets.isEmpty() && !d.quoted) {
        d.frame.appendSummary("QUIC " + String.join(", ", packets) + " (encrypted)");
      }
    }
  }

  /** One long-header packet; returns where the next coalesced one starts (end for the last). */
  private static int longHeader(Dissection d, Layer layer, int at, int end, List<String> packets) {
    byte[] data = d.data;
    d.need(at, 7, end, "QUIC long header");
    int first = data[at] & 0xff;
    long version = Bytes.u32(data, at + 1);
    int pos = at + 5;
    int dcidLength = data[pos] & 0xff;
    d.need(pos + 1, dcidLength + 1, end, "QUIC Destination Connection ID");
    String dcid = hex(data, pos + 1, dcidLength);
    pos += 1 + dcidLength;
    int scidLength = data[pos] & 0xff;
    d.need(pos + 1, scidLength, end, "QUIC Source Connection ID");
    String scid = hex(data, pos + 1, scidLength);
    pos += 1 + scidLength;
    QuicPacketType type =
        version == 0
            ? QuicPacketType.VERSION_NEGOTIATION
            : QuicPacketType.ofLongHeader(version, (first >> 4) & 3);
    d.putFirst("quic.header_form", 1);
    d.putFirst("quic.version", version);
    if (version != 0) {
      d.putFirst("quic.long.packet_type", (first >> 4) & 3);
    }
    if (!dcid.isEmpty()) {
      d.putFirst("quic.dcid", dcid);
    }
    if (!scid.isEmpty()) {
      d.putFirst("quic.scid", scid);
    }
    if (d.details) {
      layer
          .add(
              "Header form",
              "long (1)",
              "during the handshake: version and both connection ids",
              at,
              1)
          .add("Version", QuicPacketType.versionName(version), "", at + 1, 4)
          .add("Packet type", type.label(), type.meaning(), at, 1)
          .add(
              "Destination connection ID",
              idText(dcid),
              "chosen by the receiver",
              at + 6,
              dcidLength)
          .add(
              "Source connection ID",
              idText(scid),
              "chosen by the sender",
              pos - scidLength,
              scidLength);
    }
    String summary =
        type.label() + (version == 0 ? "" : " v" + QuicPacketType.versionName(version));
    summary += (dcid.isEmpty() ? "" : " DCID " + dcid) + (scid.isEmpty() ? "" : " SCID " + scid);
    packets.add(summary);
    if (version == 0) {
      versions(d, layer, pos, end);
      return end;
    }
    if (type == QuicPacketType.RETRY) {
      if (d.details) {
        layer.add(
            "Retry token and integrity tag",
            (end - pos) + " bytes",
            type.meaning(),
            pos,
            end - pos);
      }
      return end;
    }
    if (type == QuicPacketType.INITIAL) {
      long tokenLength = varint(d, pos, end, "QUIC token length");
      int tokenStart = pos + varintSize(data[pos]);
      // Clipped so that offset + count cannot overflow: a varint may claim up to 2^62 bytes.
      d.need(
          tokenStart,
          (int) Math.min(tokenLength, Integer.MAX_VALUE - tokenStart),
          end,
          "QUIC token");
      if (d.details) {
        layer.add(
            "Token",
            tokenLength + " bytes",
            tokenLength == 0 ? "none" : "from an earlier Retry or NEW_TOKEN",
            pos,
            tokenStart - pos + (int) tokenLength);
      }
      pos = tokenStart + (int) tokenLength;
    }
    long length = varint(d, pos, end, "QUIC length");
    int payloadStart = pos + varintSize(data[pos]);
    d.putFirst("quic.length", length);
    if (d.details) {
      layer.add("Length", length + " bytes", "packet number and payload", pos, payloadStart - pos);
      layer.add(
          "Payload",
          length + " bytes",
          ENCRYPTED,
          payloadStart,
          (int) Math.min(length, end - payloadStart));
    }
    long next = payloadStart + length;
    return next >= end ? end : (int) next;
  }

  private static String shortHeader(Dissection d, Layer layer, int at, int end) {
    d.putFirst("quic.header_form", 0);
    if (d.details) {
      int first = d.data[at] & 0xff;
      layer
          .add("Header form", "short (0)", "after the handshake: no version, no lengths", at, 1)
          .add(
              "Packet type",
              QuicPacketType.ONE_RTT.label(),
              QuicPacketType.ONE_RTT.meaning(),
              at,
              1)
          .add(
              "Spin bit",
              String.valueOf((first >> 5) & 1),
              "flips once per round trip, for observers",
              at,
              1)
          .add(
              "Destination connection ID",
              "not shown",
              "its length was agreed in the handshake and is not written in the packet",
              at + 1,
              0)
          .add("Payload", (end - at - 1) + " bytes", ENCRYPTED, at + 1, end - at - 1);
    }
    return QuicPacketType.ONE_RTT.label() + " (short header)";
  }

  private static void versions(Dissection d, Layer layer, int pos, int end) {
    List<String> names = new ArrayList<>();
    for (int at = pos; at + 4 <= end; at += 4) {
      names.add(QuicPacketType.versionName(Bytes.u32(d.data, at)));
    }
    if (d.details) {
      layer.add(
          "Supported versions",
          String.join(", ", names),
          "the server speaks these",
          pos,
          end - pos);
    }
  }

  /** RFC 9000 16: the two top bits of the first byte give the size, 1, 2, 4 or 8 bytes. */
  private static long varint(Dissection d, int at, int end, String what) {
    d.need(at, 1, end, what);
    int size = varintSize(d.data[at]);
    d.need(at, size, end, what);
    long value = d.data[at] & 0x3f;
    for (int i = 1; i < size; i++) {
      value = (value << 8) | (d.data[at + i] & 0xff);
    }
    return value;
  }

  private static int varintSize(byte first) {
    return 1 << ((first & 0xff) >> 6);
  }

  private static String hex(byte[] data, int offset, int length) {
    return Bytes.hexWithColons(data, offset, length).replace(":", "");
  }

  private static String idText(String id) {
    return id.isEmpty() ? "(empty)" : id;
  }
}
