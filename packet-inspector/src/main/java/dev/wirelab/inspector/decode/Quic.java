package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * QUIC headers (RFC 8999 invariants, RFC 9000 17) on UDP 443: header form, version, packet type and
 * connection ids of every packet coalesced in the datagram. Initial packets are decrypted with the
 * keys anyone can derive from the client's first Destination Connection ID (RFC 9001 5.2), and the
 * TLS hellos in their CRYPTO frames go to the {@link QuicHandshakeDecoder}; every later packet is
 * encrypted with keys only the two ends have, so decoding stops at its header.
 */
final class Quic {
  static final int PORT = 443;

  /** Why the rest of a Handshake, 0-RTT or 1-RTT packet is not shown. */
  private static final String ENCRYPTED =
      "encrypted, header protection hides the packet number too, with keys only the two ends"
          + " derive in the TLS handshake that QUIC carries";

  /** Why an Initial packet is not decrypted although its keys are public. */
  private static final String INITIAL_NOT_OPENED =
      "Initial keys come from the client's first Destination Connection ID (RFC 9001 5.2): ";

  private Quic() {}

  static boolean isQuicPort(int port) {
    return port == PORT;
  }

  /** One datagram: where it is, which connection and direction, and what it held. */
  private static final class Datagram {
    final Dissection d;
    final Layer layer;
    final QuicConnections.Connection connection;
    final boolean fromClient;
    final List<String> packets = new ArrayList<>();
    final java.io.ByteArrayOutputStream crypto = new java.io.ByteArrayOutputStream();
    boolean encrypted;

    Datagram(Dissection d, Layer layer, QuicConnections.Connection connection, boolean fromClient) {
      this.d = d;
      this.layer = layer;
      this.connection = connection;
      this.fromClient = fromClient;
    }
  }

  static void decode(Dissection d, int offset, int end, int srcPort, int dstPort) {
    if (offset >= end) {
      return;
    }
    Layer layer = d.layer(new Layer("QUIC", 4, offset, end));
    // A quoted datagram (inside an ICMP error) says nothing new about its connection.
    QuicConnections.Connection connection =
        d.quoted
            ? null
            : d.decoder
                .quicConnections()
                .of(
                    d.src + "." + srcPort,
                    d.dst + "." + dstPort,
                    isQuicPort(srcPort) && !isQuicPort(dstPort));
    boolean fromClient = connection != null && connection.client.equals(d.src + "." + srcPort);
    Datagram datagram = new Datagram(d, layer, connection, fromClient);
    int at = offset;
    try {
      while (at < end) {
        int first = d.data[at] & 0xff;
        if ((first & 0x80) == 0) {
          datagram.packets.add(shortHeader(datagram, at, end));
          break;
        }
        if (at > offset && (first & 0x40) == 0) {
          // What follows the last packet is padding, not another packet.
          layer.add("Padding", (end - at) + " bytes", "after the last packet", at, end - at);
          break;
        }
        int next = longHeader(datagram, at, end);
        if (next <= at) {
          break;
        }
        at = next;
      }
    } finally {
      if (!datagram.packets.isEmpty() && !d.quoted) {
        d.frame.appendSummary(
            "QUIC "
                + String.join(", ", datagram.packets)
                + (datagram.encrypted ? " (encrypted)" : ""));
      }
      QuicHandshakeDecoder tls = d.decoder.quicHandshakes();
      if (datagram.crypto.size() > 0 && tls != null) {
        tls.decode(
            connection.number,
            fromClient,
            datagram.crypto.toByteArray(),
            d.frame,
            offset,
            end,
            d.reassembled);
      }
    }
  }

  /** One long-header packet; returns where the next coalesced one starts (end for the last). */
  private static int longHeader(Datagram datagram, int at, int end) {
    Dissection d = datagram.d;
    Layer layer = datagram.layer;
    List<String> packets = datagram.packets;
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
    QuicConnections.Connection connection = datagram.connection;
    if (connection != null && version != 0) {
      // A short header's Destination Connection ID is as long as the one its receiver chose here.
      if (datagram.fromClient) {
        connection.clientIdLength = scidLength;
        if (type == QuicPacketType.INITIAL && connection.clientFirstDcid == null) {
          connection.clientFirstDcid = Arrays.copyOfRange(data, at + 6, at + 6 + dcidLength);
        }
      } else {
        connection.serverIdLength = scidLength;
        if (type == QuicPacketType.RETRY) {
          // The client starts over towards the id the Retry gives: new Initial keys (RFC 9001 5.2).
          connection.clientFirstDcid = Arrays.copyOfRange(data, pos - scidLength, pos);
          connection.fromClient.restart();
          connection.fromServer.restart();
        }
      }
    }
    if (version == 0) {
      packets.add(summary);
      datagram.encrypted = true;
      versions(d, layer, pos, end);
      return end;
    }
    if (type == QuicPacketType.RETRY) {
      packets.add(summary);
      datagram.encrypted = true;
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
    }
    long next = payloadStart + length;
    String opened =
        type == QuicPacketType.INITIAL ? initial(datagram, version, at, payloadStart, next) : null;
    if (opened == null) {
      datagram.encrypted = true;
      if (d.details) {
        layer.add(
            "Payload",
            length + " bytes",
            ENCRYPTED,
            payloadStart,
            (int) Math.min(length, end - payloadStart));
      }
    }
    packets.add(opened == null ? summary : summary + " [" + opened + "]");
    return next >= end ? end : (int) next;
  }

  /**
   * Decrypts an Initial packet from {@code start} to {@code next} and hands its CRYPTO bytes on;
   * returns what it held ("CRYPTO, PADDING") or null when it could not be decrypted (the layer says
   * why).
   */
  private static String initial(
      Datagram datagram, long version, int start, int pnOffset, long next) {
    Dissection d = datagram.d;
    QuicConnections.Connection connection = datagram.connection;
    String why = null;
    if (connection == null) {
      return null;
    } else if (!QuicInitialProtection.knows(version)) {
      why =
          "version "
              + QuicPacketType.versionName(version)
              + " has keys this inspector does not know";
    } else if (connection.clientFirstDcid == null) {
      why = "the capture starts after the client's first Initial, so they are unknown";
    } else if (next > d.data.length) {
      why = "the packet is not all in the capture, and decryption needs every byte";
    }
    QuicConnections.Side side = connection.side(datagram.fromClient);
    QuicInitialProtection.Opened opened = null;
    if (why == null) {
      if (side.keysVersion != version) {
        side.keys =
            QuicInitialProtection.keys(version, connection.clientFirstDcid, datagram.fromClient);
        side.keysVersion = version;
      }
      opened =
          QuicInitialProtection.open(
              side.keys, d.data, start, pnOffset, (int) next, side.largestPacket);
      if (opened == null) {
        why = "the packet did not authenticate with them (changed bytes, or another connection's)";
      }
    }
    if (opened == null) {
      if (d.details) {
        datagram.layer.add("Decryption", "not done", INITIAL_NOT_OPENED + why, pnOffset, 0);
      }
      return null;
    }
    side.largestPacket = Math.max(side.largestPacket, opened.packetNumber());
    QuicFrames frames;
    try {
      frames = QuicFrames.parse(opened.payload());
    } catch (MalformedFrameException e) {
      d.frame.markMalformed(e.getMessage());
      return "decrypted, frames malformed";
    }
    int payloadStart = pnOffset + opened.packetNumberLength();
    if (d.details) {
      Layer layer = datagram.layer;
      layer
          .add(
              "Packet number",
              String.valueOf(opened.packetNumber()),
              "under header protection, removed with the Initial keys",
              pnOffset,
              opened.packetNumberLength())
          .add(
              "Payload",
              (next - payloadStart) + " bytes",
              "decrypted (AES-128-GCM) with the Initial keys anyone can derive from the client's"
                  + " first Destination Connection ID; the last "
                  + QuicInitialProtection.TAG
                  + " bytes are the authentication tag",
              payloadStart,
              (int) next - payloadStart);
      for (QuicFrames.Shown frame : frames.shown) {
        layer.add("Frame " + frame.name(), frame.value(), frame.meaning(), payloadStart, 0);
      }
    }
    for (QuicFrames.Crypto crypto : frames.crypto) {
      byte[] inOrder = side.crypto(crypto.offset(), crypto.data());
      datagram.crypto.write(inOrder, 0, inOrder.length);
    }
    return "decrypted: " + frames.names();
  }

  private static String shortHeader(Datagram datagram, int at, int end) {
    Dissection d = datagram.d;
    Layer layer = datagram.layer;
    datagram.encrypted = true;
    d.putFirst("quic.header_form", 0);
    int idLength =
        datagram.connection == null ? -1 : datagram.connection.idLengthTowards(datagram.fromClient);
    String dcid = idLength < 0 || at + 1 + idLength > end ? null : hex(d.data, at + 1, idLength);
    if (dcid != null && !dcid.isEmpty()) {
      d.putFirst("quic.dcid", dcid);
    }
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
              dcid == null ? "not shown" : idText(dcid),
              dcid == null
                  ? "its length is not written in the packet, and this connection's long headers"
                      + " were not seen"
                  : "as long as the id the receiver chose in its long-header packets (the length"
                      + " is not written here)",
              at + 1,
              dcid == null ? 0 : idLength);
      int payload = at + 1 + (dcid == null ? 0 : idLength);
      layer.add("Payload", (end - payload) + " bytes", ENCRYPTED, payload, end - payload);
    }
    return QuicPacketType.ONE_RTT.label()
        + (dcid == null || dcid.isEmpty() ? "" : " DCID " + dcid)
        + " (short header)";
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
