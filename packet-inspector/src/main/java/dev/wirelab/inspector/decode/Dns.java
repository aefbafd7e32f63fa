package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/**
 * DNS (RFC 1035) over UDP, and over TCP with its 2-byte length prefix: header, question, answers.
 */
final class Dns {
  private Dns() {}

  static void decode(Dissection d, int offset, int end, boolean overTcp) {
    byte[] data = d.data;
    int start = offset;
    int messageEnd = end;
    Layer layer = d.layer(new Layer("DNS", 7, offset, end));
    if (overTcp) {
      d.need(offset, 2, end, "DNS length prefix");
      int length = Bytes.u16(data, offset);
      layer.add(
          "Length",
          String.valueOf(length),
          "DNS over TCP: bytes of the message that follows",
          offset,
          2);
      start = offset + 2;
      messageEnd = Math.min(end, start + length);
    }
    DnsHeader header = DnsHeader.read(d, layer, start, messageEnd);
    String text =
        "DNS "
            + (header.response() ? "response " : "query ")
            + Bytes.hex(header.id(), 4)
            + (header.response() && header.rcode() != 0 ? " " + rcodeName(header.rcode()) : "");
    DnsRecords records = new DnsRecords(data, start, messageEnd, layer);
    try {
      text += records.questions(d, header.questions());
      text += records.answers(header.answers());
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
