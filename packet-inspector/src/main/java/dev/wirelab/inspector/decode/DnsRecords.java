package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the question and answer sections of one DNS message, following compression pointers safely.
 */
final class DnsRecords {
  private static final int MAX_POINTERS = 64;
  private final byte[] data;
  private final int start;
  private final int end;
  private final Layer layer;
  private int at;

  DnsRecords(byte[] data, int start, int end, Layer layer) {
    this.data = data;
    this.start = start;
    this.end = end;
    this.layer = layer;
    this.at = start + 12;
  }

  /** Reads the questions; the first name becomes dns.qname. Returns summary text. */
  String questions(Dissection d, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      int from = at;
      String name = name();
      need(4, "DNS question");
      int type = Bytes.u16(data, at);
      at += 4;
      layer.add("Question", name + " " + typeName(type), "what is asked", from, at - from);
      if (i == 0) {
        d.put("dns.qname", name);
        text.append(' ').append(typeName(type)).append("? ").append(name);
      }
    }
    return text.toString();
  }

  /**
   * Answers named in the summary line; the rest are counted, so a big response stays one readable
   * line.
   */
  private static final int ANSWERS_IN_SUMMARY = 3;

  /** Reads the answer records. Returns summary text. */
  String answers(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      int from = at;
      String name = name();
      need(10, "DNS answer");
      int type = Bytes.u16(data, at);
      long ttl = Bytes.u32(data, at + 4);
      int length = Bytes.u16(data, at + 8);
      at += 10;
      need(length, "DNS answer data");
      String value = rdata(type, at, length);
      at += length;
      layer.add(
          "Answer",
          name + " " + typeName(type) + " " + value,
          "cache for " + ttl + " s",
          from,
          at - from);
      if (i < ANSWERS_IN_SUMMARY) {
        text.append(i == 0 ? ": " : ", ").append(typeName(type)).append(' ').append(value);
      }
    }
    if (count > ANSWERS_IN_SUMMARY) {
      text.append(" and ").append(count - ANSWERS_IN_SUMMARY).append(" more answers");
    }
    return text.toString();
  }

  private String rdata(int type, int offset, int length) {
    if (type == 1 && length == 4) {
      return Bytes.ipv4(data, offset);
    }
    if (type == 28 && length == 16) {
      return Bytes.ipv6(data, offset);
    }
    if (type == 5 || type == 2 || type == 12) {
      int saved = at;
      at = offset;
      String target = name();
      at = saved;
      return target;
    }
    return length + " bytes";
  }

  /** A domain name at {@code at}; moves {@code at} past it. Pointers may only point backwards. */
  private String name() {
    StringBuilder name = new StringBuilder();
    int cursor = at;
    int resumeAt = -1;
    int pointers = 0;
    while (true) {
      if (cursor >= end) {
        throw new MalformedFrameException("DNS name runs past the end of the message");
      }
      int length = Bytes.u8(data, cursor);
      if ((length & 0xC0) == 0xC0) {
        if (cursor + 1 >= end) {
          throw new MalformedFrameException("DNS compression pointer cut short");
        }
        int target = start + ((length & 0x3F) << 8 | Bytes.u8(data, cursor + 1));
        if (++pointers > MAX_POINTERS || target >= cursor) {
          throw new MalformedFrameException("DNS compression pointer loops or points forward");
        }
        if (resumeAt < 0) {
          resumeAt = cursor + 2;
        }
        cursor = target;
        continue;
      }
      if ((length & 0xC0) != 0) {
        throw new MalformedFrameException(
            "DNS label type " + Bytes.hex(length, 2) + " is not supported");
      }
      if (length == 0) {
        at = resumeAt >= 0 ? resumeAt : cursor + 1;
        return name.length() == 0 ? "<Root>" : name.toString();
      }
      if (cursor + 1 + length > end) {
        throw new MalformedFrameException("DNS label runs past the end of the message");
      }
      if (name.length() > 0) {
        name.append('.');
      }
      appendLabel(name, cursor + 1, length);
      cursor += 1 + length;
    }
  }

  /**
   * A label as text: valid UTF-8 (mDNS names such as "Luca’s iMac", RFC 6762) is shown as it is,
   * other bytes that are not printable as \\DDD, the master-file escape (RFC 1035 5.1).
   */
  private void appendLabel(StringBuilder name, int from, int length) {
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    boolean ascii = true;
    for (int i = from; i < from + length; i++) {
      ascii &= data[i] >= 0;
    }
    if (!ascii) {
      try {
        String text = utf8.decode(ByteBuffer.wrap(data, from, length)).toString();
        if (text.codePoints().allMatch(c -> c >= 0x20 && !Character.isISOControl(c))) {
          name.append(text);
          return;
        }
      } catch (CharacterCodingException notUtf8) {
        // Not text: each byte that is not printable ASCII is escaped below.
      }
    }
    for (int i = from; i < from + length; i++) {
      int c = data[i] & 0xFF;
      if (c >= 0x20 && c < 0x7F) {
        name.append((char) c);
      } else {
        name.append('\\')
            .append((char) ('0' + c / 100))
            .append((char) ('0' + c / 10 % 10))
            .append((char) ('0' + c % 10));
      }
    }
  }

  private void need(int count, String what) {
    if (at + count > end) {
      throw new MalformedFrameException(what + " runs past the end of the message");
    }
  }

  static String typeName(int type) {
    return switch (type) {
      case 1 -> "A";
      case 2 -> "NS";
      case 5 -> "CNAME";
      case 6 -> "SOA";
      case 12 -> "PTR";
      case 13 -> "HINFO";
      case 15 -> "MX";
      case 16 -> "TXT";
      case 17 -> "RP";
      case 18 -> "AFSDB";
      case 24 -> "SIG";
      case 25 -> "KEY";
      case 28 -> "AAAA";
      case 29 -> "LOC";
      case 33 -> "SRV";
      case 35 -> "NAPTR";
      case 36 -> "KX";
      case 37 -> "CERT";
      case 39 -> "DNAME";
      case 41 -> "OPT";
      case 42 -> "APL";
      case 43 -> "DS";
      case 44 -> "SSHFP";
      case 45 -> "IPSECKEY";
      case 46 -> "RRSIG";
      case 47 -> "NSEC";
      case 48 -> "DNSKEY";
      case 49 -> "DHCID";
      case 50 -> "NSEC3";
      case 51 -> "NSEC3PARAM";
      case 52 -> "TLSA";
      case 53 -> "SMIMEA";
      case 55 -> "HIP";
      case 59 -> "CDS";
      case 60 -> "CDNSKEY";
      case 61 -> "OPENPGPKEY";
      case 62 -> "CSYNC";
      case 63 -> "ZONEMD";
      case 64 -> "SVCB";
      case 65 -> "HTTPS";
      case 99 -> "SPF";
      case 249 -> "TKEY";
      case 250 -> "TSIG";
      case 251 -> "IXFR";
      case 252 -> "AXFR";
      case 253 -> "MAILB";
      case 254 -> "MAILA";
      case 255 -> "ANY";
      case 256 -> "URI";
      case 257 -> "CAA";
      default -> "TYPE" + type;
    };
  }
}
