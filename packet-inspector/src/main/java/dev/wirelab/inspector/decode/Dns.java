package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/** DNS (RFC 1035) over UDP, and over TCP with its 2-byte length prefix: header, question, answers. */
final class Dns {
  private Dns() {}

  static void decode(Dissection d, int offset, int end, boolean overTcp) {
    byte[] data = d.data;
    int start = offset;
    int messageEnd = end;
    boolean complete = true;
    Layer layer = d.frame.addLayer(new Layer("DNS", 7, offset, end));
    if (overTcp) {
      d.need(offset, 2, end, "DNS length prefix");
      int length = Bytes.u16(data, offset);
      layer.add("Length", String.valueOf(length), "DNS over TCP: bytes of the message that follows", offset, 2);
      start = offset + 2;
      complete = start + length <= end;
      messageEnd = Math.min(end, start + length);
    }
    d.need(start, 12, messageEnd, "DNS header");
    int id = Bytes.u16(data, start);
    int flags = Bytes.u16(data, start + 2);
    boolean response = (flags & 0x8000) != 0;
    int opcode = (flags >> 11) & 15;
    int rcode = flags & 15;
    int questions = Bytes.u16(data, start + 4);
    int answers = Bytes.u16(data, start + 6);
    layer.add("Transaction ID", Bytes.hex(id, 4), "pairs a response with its query", start, 2)
        .add("Flags", Bytes.hex(flags, 4), (response ? "response" : "query") + (opcode == 0 ? "" : ", opcode " + opcode)
            + ((flags & 0x0400) != 0 ? ", authoritative" : "") + ((flags & 0x0200) != 0 ? ", truncated" : "")
            + ((flags & 0x0100) != 0 ? ", recursion desired" : "") + ((flags & 0x0080) != 0 ? ", recursion available" : ""), start + 2, 2);
    if (response) {
      layer.add("Response code", String.valueOf(rcode), rcodeName(rcode), start + 3, 1);
    }
    layer.add("Questions", String.valueOf(questions), "", start + 4, 2)
        .add("Answers", String.valueOf(answers), "", start + 6, 2)
        .add("Authority records", String.valueOf(Bytes.u16(data, start + 8)), "", start + 8, 2)
        .add("Additional records", String.valueOf(Bytes.u16(data, start + 10)), "", start + 10, 2);
    d.put("dns.id", id);
    d.put("dns.qr", response ? 1 : 0);
    if (response) {
      d.put("dns.rcode", rcode);
    }
    d.put("dns.qdcount", questions);
    d.put("dns.ancount", answers);
    String text = "DNS " + (response ? "response " : "query ") + Bytes.hex(id, 4)
        + (response && rcode != 0 ? " " + rcodeName(rcode) : "");
    if (!complete) {
      layer.add("Message", "continues in a later segment", "this inspector decodes one segment at a time", start + 12, messageEnd - start - 12);
      d.frame.appendSummary(text + " (continues in a later segment)");
      return;
    }
    DnsRecords records = new DnsRecords(data, start, messageEnd, layer);
    try {
      text += records.questions(d, questions);
      text += records.answers(answers);
    } finally {
      d.frame.appendSummary(text);
    }
  }

  static String rcodeName(int rcode) {
    return switch (rcode) {
      case 0 -> "NoError";
      case 1 -> "FormErr";
      case 2 -> "ServFail";
      case 3 -> "NXDomain: no such name";
      case 4 -> "NotImp";
      case 5 -> "Refused";
      default -> "rcode " + rcode;
    };
  }
}
