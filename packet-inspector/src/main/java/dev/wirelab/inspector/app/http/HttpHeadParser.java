package dev.wirelab.inspector.app.http;

import dev.wirelab.inspector.decode.MalformedFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Finds and parses the head (start line and header fields) of an HTTP/1.x message in raw bytes. */
public final class HttpHeadParser {
  private static final byte[] RESPONSE_START = "HTTP/1.".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_METHOD_LENGTH = 20;
  private static final int MAX_START_LINE = 8192;
  private static final Pattern REQUEST_LINE =
      Pattern.compile("[A-Z][A-Z-]{2,19} \\S+ HTTP/1\\.[01]");
  private static final Pattern STATUS_CODE = Pattern.compile("\\d{3}");
  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] \\d{3}( .*)?");

  private HttpHeadParser() {}

  /**
   * Whether these bytes can begin an HTTP/1.x message: {@code HTTP/1.} or an upper-case method
   * token and a space, judged only on the bytes present.
   */
  public static boolean looksLikeStart(byte[] b, int off, int len) {
    if (len <= 0) {
      return false;
    }
    if (b[off] == 'H' && prefixMatches(b, off, len, RESPONSE_START)) {
      return true;
    }
    int i = 0;
    while (i < len && i <= MAX_METHOD_LENGTH && b[off + i] >= 'A' && b[off + i] <= 'Z') {
      i++;
    }
    return i == len ? i <= MAX_METHOD_LENGTH : i >= 3 && b[off + i] == ' ';
  }

  /**
   * Whether these bytes begin with a complete, well-formed request or status line: the strict test
   * used before decoding a connection as HTTP, so other protocols are not mistaken for it.
   */
  public static boolean startsMessage(byte[] b, int off, int len) {
    if (!looksLikeStart(b, off, len)) {
      return false;
    }
    int n = Math.min(len, MAX_START_LINE);
    for (int i = off; i < off + n; i++) {
      if (b[i] == '\n') {
        String line = new String(b, off, i - off, StandardCharsets.ISO_8859_1).stripTrailing();
        return REQUEST_LINE.matcher(line).matches() || STATUS_LINE.matcher(line).matches();
      }
    }
    return false;
  }

  /** Parses just the start line, when it is complete in these bytes; null otherwise. */
  public static HttpHead parseStartLine(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        return parse(b, off, i + 1 - off);
      }
    }
    return null;
  }

  /** The index just past the blank line that ends the head, or -1 while it is incomplete. */
  public static int headEnd(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] != '\n') {
        continue;
      }
      if (i + 1 < off + len && b[i + 1] == '\n') {
        return i + 2;
      }
      if (i + 2 < off + len && b[i + 1] == '\r' && b[i + 2] == '\n') {
        return i + 3;
      }
    }
    return -1;
  }

  /** Parses a complete head (as delimited by {@link #headEnd}). */
  public static HttpHead parse(byte[] b, int off, int len) {
    int end = off + len;
    String startLine = null;
    List<HttpHeader> headers = new ArrayList<>(16);
    int lineStart = off;
    while (lineStart < end) {
      int newline = lineStart;
      while (newline < end && b[newline] != '\n') {
        newline++;
      }
      int lineEnd = newline > lineStart && b[newline - 1] == '\r' ? newline - 1 : newline;
      if (lineEnd == lineStart) {
        break;
      }
      if (startLine == null) {
        startLine = new String(b, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1);
      } else {
        headers.add(header(b, lineStart, lineEnd));
      }
      lineStart = newline + 1;
    }
    if (startLine == null) {
      throw new MalformedFrameException("HTTP message without a start line");
    }
    return startLine(startLine, List.copyOf(headers));
  }

  private static HttpHeader header(byte[] b, int start, int end) {
    int colon = start;
    while (colon < end && b[colon] != ':') {
      colon++;
    }
    if (colon == start || colon == end) {
      String line = new String(b, start, end - start, StandardCharsets.ISO_8859_1);
      throw new MalformedFrameException(
          "HTTP header line without a name and colon: " + shorten(line));
    }
    return new HttpHeader(
        new String(b, start, colon - start, StandardCharsets.ISO_8859_1).trim(),
        new String(b, colon + 1, end - colon - 1, StandardCharsets.ISO_8859_1).trim());
  }

  private static HttpHead startLine(String line, List<HttpHeader> headers) {
    String[] parts = line.split(" ", 3);
    if (line.startsWith("HTTP/")) {
      if (parts.length < 2 || !STATUS_CODE.matcher(parts[1]).matches()) {
        throw new MalformedFrameException(
            "HTTP status line without a 3-digit status: " + shorten(line));
      }
      return new HttpHead(
          null,
          null,
          parts[0],
          Integer.parseInt(parts[1]),
          parts.length > 2 ? parts[2] : "",
          headers);
    }
    if (parts.length != 3 || !parts[2].startsWith("HTTP/")) {
      throw new MalformedFrameException(
          "HTTP request line is not 'METHOD URI HTTP/x.y': " + shorten(line));
    }
    return new HttpHead(parts[0], parts[1], parts[2], 0, null, headers);
  }

  private static boolean prefixMatches(byte[] b, int off, int len, byte[] prefix) {
    int n = Math.min(len, prefix.length);
    for (int i = 0; i < n; i++) {
      if (b[off + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
