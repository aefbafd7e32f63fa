package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/**
 * ICMP for IPv4 (RFC 792): echo (ping) and the error messages that quote the packet they complain
 * about.
 */
final class Icmp {
  private Icmp() {}

  static void decode(Dissection d, int offset, int end, int wireLength) {
    d.need(offset, 4, end, "ICMP header");
    byte[] data = d.data;
    int type = Bytes.u8(data, offset);
    int code = Bytes.u8(data, offset + 1);
    String meaning = meaning(type, code);
    Layer layer = header(d, "ICMP", "icmp", offset, end, wireLength, meaning, isError(type));
    String text = "ICMP " + meaning;
    if ((type == 0 || type == 8) && offset + 8 <= end) {
      text += echo(layer, data, offset);
    }
    d.summary(d.ipName + " " + d.src + " > " + d.dst + ": " + text + ", length " + wireLength);
    if (isError(type)) {
      QuotedPacket.decode(d, layer, offset + 8, end, false);
    }
  }

  /**
   * Adds the layer with the type, code and checksum that ICMP and ICMPv6 share, and records type
   * and code under {@code field}; an error message's layer ends where the packet it quotes begins.
   */
  static Layer header(
      Dissection d,
      String name,
      String field,
      int offset,
      int end,
      int wireLength,
      String meaning,
      boolean quotes) {
    byte[] data = d.data;
    int type = Bytes.u8(data, offset);
    int code = Bytes.u8(data, offset + 1);
    Layer layer =
        d.layer(new Layer(name, 3, offset, Math.min(end, offset + (quotes ? 8 : wireLength))));
    if (d.details) {
      layer
          .add("Type", String.valueOf(type), meaning, offset, 1)
          .add("Code", String.valueOf(code), "", offset + 1, 1);
    }
    if (d.details || d.json) {
      // ICMPv6 covers a pseudo-header as TCP does (RFC 4443); ICMP for IPv4 only its own bytes.
      int initial = field.equals("icmpv6") ? d.pseudoHeaderSum(58, wireLength) : 0;
      Checksums.check(
          d,
          layer,
          field + ".checksum.status",
          offset + 2,
          offset,
          offset + wireLength,
          initial,
          end - offset >= wireLength);
    }
    d.putFirst(field + ".type", type);
    d.putFirst(field + ".code", code);
    return layer;
  }

  /**
   * Adds an echo request's or reply's identifier and sequence number; returns them for the summary.
   */
  static String echo(Layer layer, byte[] data, int offset) {
    int id = Bytes.u16(data, offset + 4);
    int seq = Bytes.u16(data, offset + 6);
    layer
        .add("Identifier", String.valueOf(id), "which ping program", offset + 4, 2)
        .add("Sequence number", String.valueOf(seq), "which ping of that program", offset + 6, 2);
    return ", id " + id + ", seq " + seq;
  }

  private static boolean isError(int type) {
    return type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
  }

  private static String meaning(int type, int code) {
    return switch (type) {
      case 0 -> "echo reply";
      case 3 ->
          switch (code) {
            case 0 -> "net unreachable";
            case 1 -> "host unreachable";
            case 2 -> "protocol unreachable";
            case 3 -> "port unreachable";
            case 4 -> "fragmentation needed";
            default -> "destination unreachable (code " + code + ")";
          };
      case 4 -> "source quench";
      case 5 -> "redirect";
      case 8 -> "echo request";
      case 11 -> code == 0 ? "time exceeded in transit" : "fragment reassembly time exceeded";
      case 12 -> "parameter problem";
      case 13 -> "timestamp request";
      case 14 -> "timestamp reply";
      default -> "type " + type;
    };
  }
}
