package dev.wirelab.labs.lab14;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds a query byte by byte (RFC 1035 section 4.1): a 12-byte header, then the question, the name
 * as length-prefixed labels ({@code 3 www 8 wirelab 4 test 0}), its type and class.
 */
public final class QueryBuilder {
  /** Recursion desired: a stub resolver asks for it, an authoritative server ignores it. */
  private static final int FLAG_RD = 0x0100;

  private static final int CLASS_IN = 1;

  private QueryBuilder() {}

  public static byte[] query(int id, String name, RecordType type) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    short16(out, id);
    short16(out, FLAG_RD);
    short16(out, 1); // QDCOUNT: one question
    short16(out, 0); // ANCOUNT
    short16(out, 0); // NSCOUNT
    short16(out, 0); // ARCOUNT
    writeName(out, name);
    short16(out, type.code);
    short16(out, CLASS_IN);
    return out.toByteArray();
  }

  /** A name as labels, each at most 63 bytes, ending with the empty label of the root. */
  static void writeName(ByteArrayOutputStream out, String name) {
    for (String label : name.split("\\.")) {
      if (label.isEmpty()) {
        continue;
      }
      byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
      if (bytes.length > 63) {
        throw new IllegalArgumentException("a label is at most 63 bytes: " + label);
      }
      out.write(bytes.length);
      out.writeBytes(bytes);
    }
    out.write(0);
  }

  static void short16(ByteArrayOutputStream out, int value) {
    out.write(value >> 8);
    out.write(value);
  }
}
