package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/**
 * IGMP (IP protocol 2): how hosts tell routers which multicast groups they want; version 1 and 2
 * messages name one group, version 3 reports carry group records.
 */
final class Igmp {
  private static final int HEADER = 8;
  private static final int V3_QUERY = 12;

  private Igmp() {}

  static void decode(Dissection d, int offset, int end, int wireLength) {
    byte[] data = d.data;
    int messageEnd = Math.min(end, offset + wireLength);
    Layer layer = d.layer(new Layer("IGMP", 3, offset, messageEnd));
    d.need(offset, HEADER, messageEnd, "IGMP message");
    int code = Bytes.u8(data, offset);
    IgmpType type = IgmpType.of(code);
    int version = version(code, Bytes.u8(data, offset + 1), wireLength);
    layer.add(
        "Type",
        Bytes.hex(code, 2),
        type == null ? "unknown" : type.label() + ": " + type.meaning(),
        offset,
        1);
    layer.add("Checksum", Bytes.hex(Bytes.u16(data, offset + 2), 4), "", offset + 2, 2);
    d.put("igmp.type", code);
    if (version > 0) {
      d.put("igmp.version", version);
    }
    StringBuilder text =
        new StringBuilder(version > 0 ? "IGMPv" + version : "IGMP")
            .append(' ')
            .append(type == null ? "type " + Bytes.hex(code, 2) : type.label());
    try {
      if (type == IgmpType.V3_MEMBERSHIP_REPORT) {
        records(d, layer, offset, messageEnd, text);
      } else {
        String group = Bytes.ipv4(data, offset + 4);
        if (type == IgmpType.MEMBERSHIP_QUERY) {
          layer.add(
              "Max response time",
              maxResponseTenths(Bytes.u8(data, offset + 1), version) / 10.0 + " s",
              "answer within",
              offset + 1,
              1);
        }
        layer.add(
            "Group address",
            group,
            group.equals("0.0.0.0") ? "all groups (a general query)" : "",
            offset + 4,
            4);
        d.put("igmp.maddr", group);
        text.append(' ').append(group.equals("0.0.0.0") ? "(general)" : group);
      }
    } finally {
      d.summary(d.ipName + " " + d.src + " > " + d.dst + ": " + text);
    }
  }

  /**
   * In tenths of a second; IGMPv3 writes codes from 128 up as a small float (RFC 9776 4.1.1), 3
   * bits of exponent and 4 of mantissa.
   */
  private static int maxResponseTenths(int code, int version) {
    if (version < 3 || code < 128) {
      return code;
    }
    return ((code & 0x0F) | 0x10) << (((code >> 4) & 7) + 3);
  }

  /** tshark's rule: the type, and for a query its length and maximum response time, tell. */
  private static int version(int code, int maxResponse, int length) {
    return switch (code) {
      case 0x12 -> 1;
      case 0x16, 0x17 -> 2;
      case 0x22 -> 3;
      case 0x11 -> length >= V3_QUERY ? 3 : maxResponse == 0 ? 1 : 2;
      default -> 0;
    };
  }

  private static void records(Dissection d, Layer layer, int offset, int end, StringBuilder text) {
    byte[] data = d.data;
    int count = Bytes.u16(data, offset + 6);
    layer.add("Group records", String.valueOf(count), "", offset + 6, 2);
    int at = offset + HEADER;
    for (int i = 0; i < count; i++) {
      d.need(at, 8, end, "IGMPv3 group record");
      int recordType = Bytes.u8(data, at);
      int auxWords = Bytes.u8(data, at + 1);
      int sources = Bytes.u16(data, at + 2);
      String group = Bytes.ipv4(data, at + 4);
      int length = 8 + 4 * sources + 4 * auxWords;
      d.need(at, length, end, "IGMPv3 group record");
      String action = recordAction(recordType, sources);
      layer.add(
          "Group record",
          group + " " + action,
          recordType + " " + recordName(recordType) + ", " + sources + " sources",
          at,
          length);
      if (i == 0) {
        d.put("igmp.maddr", group);
        d.put("igmp.record_type", recordType);
        text.append(": ").append(action).append(' ').append(group);
      }
      at += length;
    }
    if (count > 1) {
      text.append(" and ").append(count - 1).append(" more groups");
    }
  }

  /** What a student calls it: "join", "leave" or the record type's name. */
  private static String recordAction(int recordType, int sources) {
    if (sources == 0 && (recordType == 2 || recordType == 4)) {
      return "join";
    }
    if (sources == 0 && recordType == 3) {
      return "leave";
    }
    return recordName(recordType);
  }

  private static String recordName(int recordType) {
    return switch (recordType) {
      case 1 -> "mode is include";
      case 2 -> "mode is exclude";
      case 3 -> "change to include";
      case 4 -> "change to exclude";
      case 5 -> "allow new sources";
      case 6 -> "block old sources";
      default -> "record type " + recordType;
    };
  }
}
