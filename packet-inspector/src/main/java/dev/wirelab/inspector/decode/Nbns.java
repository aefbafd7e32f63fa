package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/**
 * NBNS, the NetBIOS name service (RFC 1002 4.2): a DNS-like header, then questions for first-level
 * encoded NetBIOS names; answers to name queries give the name's IPv4 addresses.
 */
final class Nbns {
  private static final int HEADER = 12;
  private static final int NB = 0x20;
  private static final int NBSTAT = 0x21;

  private Nbns() {}

  static boolean isPort(int port) {
    return port == 137;
  }

  static void decode(Dissection d, int offset, int end) {
    byte[] data = d.data;
    Layer layer = d.layer(new Layer("NBNS", 7, offset, end));
    d.need(offset, HEADER, end, "NBNS header");
    int id = Bytes.u16(data, offset);
    int flags = Bytes.u16(data, offset + 2);
    boolean response = (flags & 0x8000) != 0;
    int opcode = (flags >> 11) & 15;
    int questions = Bytes.u16(data, offset + 4);
    int answers = Bytes.u16(data, offset + 6);
    layer
        .add("Transaction ID", Bytes.hex(id, 4), "pairs a response with its query", offset, 2)
        .add(
            "Flags",
            Bytes.hex(flags, 4),
            (response ? "response" : "query")
                + ", "
                + opcodeName(opcode)
                + ((flags & 0x0010) != 0 ? ", broadcast" : ""),
            offset + 2,
            2)
        .add("Questions", String.valueOf(questions), "", offset + 4, 2)
        .add("Answers", String.valueOf(answers), "", offset + 6, 2);
    d.put("nbns.id", id);
    StringBuilder text =
        new StringBuilder("NBNS ")
            .append(opcodeName(opcode))
            .append(response ? " response " : " ")
            .append(Bytes.hex(id, 4));
    try {
      int at = offset + HEADER;
      NetbiosName asked = null;
      for (int i = 0; i < questions; i++) {
        int from = at;
        NetbiosName name = name(d, at, end);
        asked = asked == null ? name : asked;
        at = skipName(d, at, end);
        d.need(at, 4, end, "NBNS question");
        int type = Bytes.u16(data, at);
        at += 4;
        layer.add(
            "Question",
            name.tsharkText() + " " + typeName(type),
            name.suffixMeaning(),
            from,
            at - from);
        if (i == 0) {
          d.put("nbns.name", name.tsharkText());
          d.put("nbns.type", type);
          text.append(' ')
              .append(typeName(type))
              .append(opcode == 0 ? "? " : " ")
              .append(name.shortText());
        }
      }
      // Answers, then authority and additional records: a registration carries its address in an
      // additional record.
      String[] sections = {"Answer", "Authority record", "Additional record"};
      boolean summarised = false;
      for (int section = 0; section < 3; section++) {
        int count = Bytes.u16(data, offset + 6 + 2 * section);
        for (int i = 0; i < count; i++) {
          int from = at;
          d.need(at, 1, end, "NBNS record name");
          boolean pointer = (Bytes.u8(data, at) & 0xC0) == 0xC0 && asked != null;
          NetbiosName name = pointer ? asked : name(d, at, end);
          at = skipName(d, at, end);
          d.need(at, 10, end, "NBNS record");
          int type = Bytes.u16(data, at);
          long ttl = Bytes.u32(data, at + 4);
          int length = Bytes.u16(data, at + 8);
          at += 10;
          d.need(at, length, end, "NBNS record data");
          String value =
              type == NB
                  ? addresses(data, at, length)
                  : type == NBSTAT ? nodeStatus(d, at, length) : length + " bytes";
          layer.add(
              sections[section],
              name.tsharkText() + " " + typeName(type) + " " + value,
              "cache for " + ttl + " s",
              from,
              at + length - from);
          if (!summarised && section != 1) {
            summarised = true;
            if (questions == 0) {
              // tshark names an NB record's owner with what its suffix stands for.
              d.put(
                  "nbns.name",
                  type == NB ? name.tsharkText() + " (" + name.service() + ")" : name.tsharkText());
              d.put("nbns.type", type);
              text.append(' ').append(name.shortText());
            }
            text.append(": ").append(value);
          }
          at += length;
        }
      }
    } finally {
      d.frame.appendSummary(text.toString());
    }
  }

  /** The name at {@code at}: a 32-byte label in the first-level encoding. */
  private static NetbiosName name(Dissection d, int at, int end) {
    d.need(at, 1 + NetbiosName.ENCODED_LENGTH, end, "NBNS name");
    int length = Bytes.u8(d.data, at);
    if (length != NetbiosName.ENCODED_LENGTH) {
      throw new MalformedFrameException(
          "NBNS name label has " + length + " bytes, not the 32 of an encoded NetBIOS name");
    }
    return NetbiosName.decode(d.data, at + 1);
  }

  /** Past the name and its scope labels (RFC 1001 14.1), to the type. */
  private static int skipName(Dissection d, int at, int end) {
    int cursor = at;
    for (int labels = 0; labels < 64; labels++) {
      d.need(cursor, 1, end, "NBNS name");
      int length = Bytes.u8(d.data, cursor);
      if (length == 0) {
        return cursor + 1;
      }
      if ((length & 0xC0) != 0) {
        // A pointer back to the question's name, as in DNS: two bytes end the name.
        d.need(cursor, 2, end, "NBNS name pointer");
        return cursor + 2;
      }
      cursor += 1 + length;
    }
    throw new MalformedFrameException("NBNS name has more than 64 labels");
  }

  /** Names of a node status answer shown; the rest are counted. */
  private static final int NAMES_SHOWN = 3;

  /**
   * A node status answer (RFC 1002 4.2.18): the number of names, 18 bytes each (name, suffix,
   * flags), then statistics.
   */
  private static String nodeStatus(Dissection d, int at, int length) {
    d.need(at, 1, at + length, "NBNS node status");
    int names = Bytes.u8(d.data, at);
    d.need(at + 1, 18 * names, at + length, "NBNS node status names");
    StringBuilder text = new StringBuilder().append(names).append(names == 1 ? " name" : " names");
    for (int i = 0; i < Math.min(names, NAMES_SHOWN); i++) {
      text.append(i == 0 ? ": " : ", ")
          .append(NetbiosName.fromBytes(d.data, at + 1 + 18 * i).shortText());
    }
    if (names > NAMES_SHOWN) {
      text.append(" and ").append(names - NAMES_SHOWN).append(" more");
    }
    return text.toString();
  }

  /** NB answer data: 6 bytes per address, flags then IPv4. */
  private static String addresses(byte[] data, int at, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i + 6 <= length; i += 6) {
      text.append(i == 0 ? "" : ", ").append(Bytes.ipv4(data, at + i + 2));
    }
    return text.toString();
  }

  private static String typeName(int type) {
    return type == NB ? "NB" : type == NBSTAT ? "NBSTAT" : "type " + type;
  }

  private static String opcodeName(int opcode) {
    return switch (opcode) {
      case 0 -> "name query";
      case 5 -> "registration";
      case 6 -> "release";
      case 7 -> "wait for acknowledgement";
      case 8, 9 -> "refresh";
      case 15 -> "multi-homed registration";
      default -> "opcode " + opcode;
    };
  }
}
