package dev.wirelab.labs.lab14;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Names each field of a query built by {@link QueryBuilder}, with its bytes. */
final class QueryAnatomy {
  private QueryAnatomy() {}

  static List<String> of(byte[] query) {
    List<String> lines = new ArrayList<>();
    lines.add(
        field(
            "id",
            query,
            0,
            2,
            String.format(
                Locale.ROOT, "0x%02x%02x: the answer must carry the same", query[0], query[1])));
    lines.add(field("flags", query, 2, 2, "QR=0 a query, RD=1 recursion desired"));
    lines.add(field("counts", query, 4, 8, "1 question, 0 answer/authority/extra records"));
    int offset = 12;
    while (query[offset] != 0) {
      int length = query[offset];
      lines.add(
          field(
              offset == 12 ? "qname" : "",
              query,
              offset,
              1 + length,
              length
                  + " \""
                  + new String(query, offset + 1, length, StandardCharsets.US_ASCII)
                  + "\""));
      offset += 1 + length;
    }
    lines.add(field("", query, offset, 1, "0: the root, the end of the name"));
    int type = (query[offset + 1] & 0xff) << 8 | query[offset + 2] & 0xff;
    lines.add(
        field(
            "qtype",
            query,
            offset + 1,
            2,
            RecordType.of(type).map(Enum::name).orElse("type " + type)));
    lines.add(field("qclass", query, offset + 3, 2, "IN, the Internet"));
    return lines;
  }

  private static String field(String name, byte[] bytes, int from, int count, String meaning) {
    StringBuilder hex = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      hex.append(String.format(Locale.ROOT, "%02x ", bytes[i] & 0xff));
    }
    return String.format(Locale.ROOT, "%-7s %-24s %s", name, hex.toString().trim(), meaning);
  }
}
