package dev.wirelab.labs.lab07;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The head of an HTTP/1.1 request or response: the start line and the headers, up to the empty
 * line. What follows the empty line (a body, or WebSocket frames after a 101) is left unread.
 *
 * @param startLine {@code GET /ws HTTP/1.1} or {@code HTTP/1.1 101 Switching Protocols}
 * @param headers header names in lower case (HTTP names are case-insensitive) to their values
 * @param raw the head exactly as it travelled, CRLFs included
 */
public record HttpHead(String startLine, Map<String, String> headers, String raw) {
  /**
   * Servers commonly refuse heads over 8-16 KiB; without a limit, one client could fill our memory.
   */
  static final int MAX_HEAD_BYTES = 16 * 1024;

  /**
   * The last four bytes of a head, \r\n\r\n, as one int: the end of the last line plus the empty
   * line.
   */
  private static final int CRLF_CRLF = 0x0D0A0D0A;

  /** Reads the next head; empty when the peer hung up cleanly instead of sending another one. */
  public static Optional<HttpHead> read(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int lastFour = 0;
    while (lastFour != CRLF_CRLF) {
      int b = in.read();
      if (b < 0) {
        if (bytes.size() == 0) {
          return Optional.empty();
        }
        throw new EOFException("the peer hung up in the middle of an HTTP head");
      }
      if (bytes.size() == MAX_HEAD_BYTES) {
        throw new ProtocolException("HTTP head longer than " + MAX_HEAD_BYTES + " bytes");
      }
      bytes.write(b);
      lastFour = (lastFour << 8) | b;
    }
    return Optional.of(parse(bytes.toString(StandardCharsets.ISO_8859_1)));
  }

  private static HttpHead parse(String raw) throws ProtocolException {
    String[] lines = raw.split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        throw new ProtocolException("not an HTTP header line: \"" + lines[i] + "\"");
      }
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    return new HttpHead(lines[0], headers, raw);
  }

  /** The header's value, or "" when it is absent. */
  public String header(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
  }

  /**
   * Whether a comma-separated header such as {@code Connection: keep-alive, Upgrade} lists {@code
   * token}.
   */
  public boolean headerHasToken(String name, String token) {
    for (String value : header(name).split(",")) {
      if (value.trim().equalsIgnoreCase(token)) {
        return true;
      }
    }
    return false;
  }

  /** The request's method, or a response's protocol version: the start line's first word. */
  public String method() {
    return startLine.split(" ", 3)[0];
  }

  /** The request's target ({@code /events?after=3}), or a response's status code. */
  public String target() {
    String[] parts = startLine.split(" ", 3);
    return parts.length > 1 ? parts[1] : "";
  }
}
