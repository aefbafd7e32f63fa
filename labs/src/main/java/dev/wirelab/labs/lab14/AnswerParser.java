package dev.wirelab.labs.lab14;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads a DNS message, trusting nothing in it: every length is checked against the end of the
 * message, and a compression pointer must point backwards, before the name it is part of, so that a
 * loop of pointers cannot keep the reader going round for ever. Anything else is a {@link
 * MalformedMessage}, never an exception from deep inside.
 */
public final class AnswerParser {
  private static final int HEADER_BYTES = 12;
  private static final int MAX_NAME_BYTES = 255;

  private final byte[] message;
  private final Consumer<String> notes;

  private AnswerParser(byte[] message, Consumer<String> notes) {
    this.message = message;
    this.notes = notes;
  }

  public static DnsMessage parse(byte[] message) throws MalformedMessage {
    return parse(message, note -> {});
  }

  /** Parses {@code message}, telling {@code notes} about every compression pointer it follows. */
  public static DnsMessage parse(byte[] message, Consumer<String> notes) throws MalformedMessage {
    return new AnswerParser(message, notes).parse();
  }

  private DnsMessage parse() throws MalformedMessage {
    need(0, HEADER_BYTES, "the 12-byte header");
    int id = u16(0);
    int flags = u16(2);
    int questions = u16(4);
    int answerCount = u16(6);
    int offset = HEADER_BYTES;
    String questionName = "";
    int questionType = 0;
    for (int q = 0; q < questions; q++) {
      Name name = name(offset);
      need(name.end(), 4, "the question's type and class");
      questionName = name.text();
      questionType = u16(name.end());
      offset = name.end() + 4;
    }
    List<ResourceRecord> answers = new ArrayList<>();
    for (int a = 0; a < answerCount; a++) {
      Name owner = name(offset);
      need(owner.end(), 10, "answer " + (a + 1) + "'s type, class, TTL and length");
      int type = u16(owner.end());
      long ttl = u32(owner.end() + 4);
      int length = u16(owner.end() + 8);
      int data = owner.end() + 10;
      need(data, length, "answer " + (a + 1) + "'s " + length + " bytes of data");
      if (RecordType.of(type).isPresent()) {
        RecordType known = RecordType.of(type).get();
        answers.add(new ResourceRecord(owner.text(), known, ttl, data(known, data, length)));
      }
      offset = data + length;
    }
    return new DnsMessage(
        id,
        (flags & 0x8000) != 0,
        (flags & 0x0400) != 0,
        (flags & 0x0200) != 0,
        flags & 0x000f,
        questionName,
        questionType,
        answers);
  }

  private String data(RecordType type, int at, int length) throws MalformedMessage {
    return switch (type) {
      case A -> address(at, length, 4);
      case AAAA -> address(at, length, 16);
      case NS, CNAME -> name(at).text();
      case MX -> {
        need(at, 2, "the MX preference");
        yield u16(at) + " " + name(at + 2).text();
      }
      case TXT -> text(at, length);
    };
  }

  private String address(int at, int length, int expected) throws MalformedMessage {
    if (length != expected) {
      throw new MalformedMessage(
          String.format(
              Locale.ROOT,
              "an address of %d bytes at offset %d (expected %d)",
              length,
              at,
              expected));
    }
    byte[] bytes = new byte[length];
    System.arraycopy(message, at, bytes, 0, length);
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 or 16 bytes are always an address", e);
    }
  }

  /** TXT data: one or more strings, each with a length byte, that together fill the record. */
  private String text(int at, int length) throws MalformedMessage {
    List<String> strings = new ArrayList<>();
    int offset = at;
    while (offset < at + length) {
      int size = message[offset] & 0xff;
      if (offset + 1 + size > at + length) {
        throw new MalformedMessage(
            String.format(
                Locale.ROOT,
                "a TXT string of %d bytes at " + "offset %d runs past its record",
                size,
                offset));
      }
      strings.add("\"" + new String(message, offset + 1, size, StandardCharsets.US_ASCII) + "\"");
      offset += 1 + size;
    }
    return String.join(" ", strings);
  }

  private record Name(String text, int end) {}

  /** The name at {@code start}, following compression pointers; {@code end} is just after it. */
  private Name name(int start) throws MalformedMessage {
    StringBuilder text = new StringBuilder();
    int offset = start;
    int end = -1;
    int bytes = 0;
    // Each pointer must jump to before where the previous piece of this name began: the jumps
    // then only go backwards, and a loop of pointers has nowhere to go.
    int pieceStart = start;
    while (true) {
      need(offset, 1, "a label length");
      int length = message[offset] & 0xff;
      if ((length & 0xc0) == 0xc0) {
        need(offset, 2, "a compression pointer");
        int target = u16(offset) & 0x3fff;
        if (target >= pieceStart) {
          throw new MalformedMessage(
              String.format(
                  Locale.ROOT,
                  "a compression pointer at offset "
                      + "%d points to %d, not before this name: a loop, or garbage",
                  offset,
                  target));
        }
        notes.accept(
            String.format(
                Locale.ROOT,
                "offset %d: pointer 0x%04x -> offset %d",
                offset,
                u16(offset),
                target));
        if (end < 0) {
          end = offset + 2;
        }
        offset = target;
        pieceStart = target;
        continue;
      }
      if ((length & 0xc0) != 0) {
        throw new MalformedMessage(
            String.format(
                Locale.ROOT,
                "label type 0x%02x at offset %d is not a length or a pointer",
                length,
                offset));
      }
      if (length == 0) {
        String name = text.length() == 0 ? "." : text.substring(0, text.length() - 1);
        return new Name(name, end < 0 ? offset + 1 : end);
      }
      need(offset + 1, length, "a label of " + length + " bytes");
      bytes += length + 1;
      if (bytes > MAX_NAME_BYTES) {
        throw new MalformedMessage("a name longer than 255 bytes at offset " + start);
      }
      text.append(new String(message, offset + 1, length, StandardCharsets.US_ASCII)).append('.');
      offset += 1 + length;
    }
  }

  private void need(int at, int count, String what) throws MalformedMessage {
    if (at + count > message.length) {
      throw new MalformedMessage(
          String.format(
              Locale.ROOT,
              "%s at offset %d runs past the end " + "of the %d-byte message",
              what,
              at,
              message.length));
    }
  }

  private int u16(int at) {
    return (message[at] & 0xff) << 8 | message[at + 1] & 0xff;
  }

  private long u32(int at) {
    return (long) u16(at) << 16 | u16(at + 2);
  }
}
