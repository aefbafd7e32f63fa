package dev.wirelab.exercises.lab06;

import dev.wirelab.exercises.Unmet;
import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.wire.TcpProbe;
import dev.wirelab.inspector.app.Quote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One HTTP response as the checker reads it off a {@link TcpProbe}: the status line, the headers
 * (names in lower case) and the body that Content-Length announced.
 */
record HttpReply(String statusLine, int status, Map<String, String> headers, byte[] body) {
  static final Duration BOUND = Duration.ofSeconds(3);
  private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  OptionalInt contentLength() {
    String value = headers.get("content-length");
    if (value == null || !value.strip().matches("\\d{1,9}")) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(value.strip()));
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Reads a response head, then as many body bytes as its Content-Length says ({@code withBody});
   * without a Content-Length, the body is whatever came before the server closed.
   *
   * @throws Unmet when no complete head arrives
   */
  static HttpReply read(TcpProbe client, boolean withBody, String request)
      throws IOException, Unmet {
    TcpProbe.Read head = client.readUntil(bytes -> indexOf(bytes, END_OF_HEAD) >= 0, BOUND);
    int end = indexOf(head.bytes(), END_OF_HEAD);
    if (end < 0) {
      throw new Unmet(
          Verdict.fail(
                  "a response to " + request,
                  head.bytes().length == 0
                      ? "you sent nothing back" + ending(head)
                      : "you sent " + Quote.text(head.text()) + ending(head) + ", not a whole head",
                  "answer with \"HTTP/1.1 200 OK\\r\\n\", the headers, each ending in \\r\\n, then an"
                      + " empty line \\r\\n")
              .withFrames(client.frames()));
    }
    String[] lines = new String(head.bytes(), 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
    }
    String[] status = lines[0].split(" ", 3);
    int code = status.length >= 2 && status[1].matches("\\d{3}") ? Integer.parseInt(status[1]) : -1;
    byte[] already =
        Arrays.copyOfRange(head.bytes(), end + END_OF_HEAD.length, head.bytes().length);
    HttpReply reply = new HttpReply(lines[0], code, headers, already);
    if (!withBody) {
      return reply;
    }
    OptionalInt length = reply.contentLength();
    byte[] body;
    if (length.isPresent()) {
      int missing = length.getAsInt() - already.length;
      byte[] rest = missing > 0 ? client.readBytes(missing, BOUND).bytes() : new byte[0];
      body = concat(already, rest);
      if (body.length > length.getAsInt()) {
        body = Arrays.copyOf(body, length.getAsInt());
      }
    } else {
      body = concat(already, client.readToEnd(BOUND).bytes());
    }
    return new HttpReply(lines[0], code, headers, body);
  }

  private static String ending(TcpProbe.Read read) {
    return read.end() == TcpProbe.End.CLOSED
        ? ", then closed the connection"
        : " in " + BOUND.toSeconds() + " s";
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  static int indexOf(byte[] bytes, byte[] wanted) {
    outer:
    for (int i = 0; i + wanted.length <= bytes.length; i++) {
      for (int j = 0; j < wanted.length; j++) {
        if (bytes[i + j] != wanted[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
