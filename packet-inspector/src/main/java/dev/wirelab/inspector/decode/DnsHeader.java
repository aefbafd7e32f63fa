package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/**
 * The 12-byte DNS header. Fields that are present are reported even when the header is cut short,
 * as tshark does.
 */
record DnsHeader(int id, boolean response, int rcode, int questions, int answers) {
  static DnsHeader read(Dissection d, Layer layer, int start, int end) {
    byte[] data = d.data;
    int present = end - start;
    if (present >= 2) {
      int id = Bytes.u16(data, start);
      layer.add("Transaction ID", Bytes.hex(id, 4), "pairs a response with its query", start, 2);
      d.put("dns.id", id);
    }
    if (present >= 4) {
      int flags = Bytes.u16(data, start + 2);
      boolean response = (flags & 0x8000) != 0;
      int opcode = (flags >> 11) & 15;
      layer.add(
          "Flags",
          Bytes.hex(flags, 4),
          (response ? "response" : "query")
              + (opcode == 0 ? "" : ", opcode " + opcode)
              + ((flags & 0x0400) != 0 ? ", authoritative" : "")
              + ((flags & 0x0200) != 0 ? ", truncated" : "")
              + ((flags & 0x0100) != 0 ? ", recursion desired" : "")
              + ((flags & 0x0080) != 0 ? ", recursion available" : ""),
          start + 2,
          2);
      d.put("dns.qr", response ? 1 : 0);
      if (response) {
        layer.add(
            "Response code", String.valueOf(flags & 15), Dns.rcodeName(flags & 15), start + 3, 1);
        d.put("dns.rcode", flags & 15);
      }
    }
    String[] counts = {"Questions", "Answers", "Authority records", "Additional records"};
    String[] keys = {"dns.qdcount", "dns.ancount", null, null};
    for (int i = 0; i < 4 && present >= 6 + 2 * i; i++) {
      int count = Bytes.u16(data, start + 4 + 2 * i);
      layer.add(counts[i], String.valueOf(count), "", start + 4 + 2 * i, 2);
      if (keys[i] != null) {
        d.put(keys[i], count);
      }
    }
    d.need(start, 12, end, "DNS header");
    int flags = Bytes.u16(data, start + 2);
    return new DnsHeader(
        Bytes.u16(data, start),
        (flags & 0x8000) != 0,
        flags & 15,
        Bytes.u16(data, start + 4),
        Bytes.u16(data, start + 6));
  }
}
