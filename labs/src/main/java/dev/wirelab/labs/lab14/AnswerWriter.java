package dev.wirelab.labs.lab14;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the server's answers, compressing names as RFC 1035 section 4.1.4 allows: a name, or its
 * tail, that is already in the message becomes a two-byte pointer to it ({@code 0xc00c} is the
 * question's name, which always starts at offset 12).
 */
final class AnswerWriter {
  /** What a UDP answer may carry without EDNS (RFC 1035 section 2.3.4). */
  static final int UDP_LIMIT = 512;

  private static final int FLAG_QR = 0x8000;
  private static final int FLAG_AA = 0x0400;
  private static final int FLAG_TC = 0x0200;
  private static final int FLAG_RD = 0x0100;
  private static final int CLASS_IN = 1;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Map<String, Integer> names = new HashMap<>();

  private AnswerWriter() {}

  /**
   * The answer to {@code query}; over UDP, one that would not fit is cut to its question and TC.
   */
  static byte[] answer(
      DnsMessage query, int queryFlags, int rcode, List<ResourceRecord> answers, boolean overUdp) {
    byte[] whole = write(query, queryFlags, rcode, answers, false);
    if (overUdp && whole.length > UDP_LIMIT) {
      return write(query, queryFlags, rcode, List.of(), true);
    }
    return whole;
  }

  private static byte[] write(
      DnsMessage query,
      int queryFlags,
      int rcode,
      List<ResourceRecord> answers,
      boolean truncated) {
    AnswerWriter writer = new AnswerWriter();
    int flags = FLAG_QR | FLAG_AA | (queryFlags & FLAG_RD) | (truncated ? FLAG_TC : 0) | rcode;
    writer.short16(query.id());
    writer.short16(flags);
    writer.short16(1);
    writer.short16(answers.size());
    writer.short16(0);
    writer.short16(0);
    writer.name(query.questionName());
    writer.short16(query.questionType());
    writer.short16(CLASS_IN);
    for (ResourceRecord record : answers) {
      writer.record(record);
    }
    return writer.out.toByteArray();
  }

  private void record(ResourceRecord record) {
    name(record.name());
    short16(record.type().code);
    short16(CLASS_IN);
    short16((int) (record.ttl() >> 16));
    short16((int) record.ttl());
    int lengthAt = out.size();
    short16(0);
    int start = out.size();
    switch (record.type()) {
      case A, AAAA -> out.writeBytes(address(record.data()));
      case NS, CNAME -> name(record.data());
      case MX -> {
        String[] parts = record.data().split(" ", 2);
        short16(Integer.parseInt(parts[0]));
        name(parts[1]);
      }
      case TXT -> {
        for (String quoted : record.data().split("\" \"")) {
          byte[] text = quoted.replace("\"", "").getBytes(StandardCharsets.US_ASCII);
          out.write(text.length);
          out.writeBytes(text);
        }
      }
    }
    byte[] sofar = out.toByteArray();
    int length = sofar.length - start;
    sofar[lengthAt] = (byte) (length >> 8);
    sofar[lengthAt + 1] = (byte) length;
    out.reset();
    out.writeBytes(sofar);
  }

  /** Labels until a tail already written, then a pointer to it. */
  private void name(String name) {
    String rest = name.toLowerCase(Locale.ROOT);
    while (!rest.isEmpty()) {
      Integer earlier = names.get(rest);
      if (earlier != null) {
        short16(0xc000 | earlier);
        return;
      }
      if (out.size() < 0x4000) {
        names.put(rest, out.size());
      }
      int dot = rest.indexOf('.');
      String label = dot < 0 ? rest : rest.substring(0, dot);
      out.write(label.length());
      out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
      rest = dot < 0 ? "" : rest.substring(dot + 1);
    }
    out.write(0);
  }

  private static byte[] address(String text) {
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("the zone holds a literal address, not " + text, e);
    }
  }

  private void short16(int value) {
    out.write(value >> 8);
    out.write(value);
  }
}
