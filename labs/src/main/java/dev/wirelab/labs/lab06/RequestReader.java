package dev.wirelab.labs.lab06;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one request head from a connection: the request line, header lines up to the empty line,
 * and no more than {@link #MAX_HEAD_BYTES}, so a client cannot make the server buffer without end.
 */
public final class RequestReader {
  public static final int MAX_HEAD_BYTES = 8 * 1024;

  private final InputStream in;

  /** Bytes the current request head may still use. */
  private int remaining;

  public RequestReader(InputStream in) {
    this.in = in;
  }

  /** The next request, or empty when the client closed the connection between requests. */
  public Optional<Request> next() throws IOException, BadRequest {
    remaining = MAX_HEAD_BYTES;
    Optional<String> first = line();
    if (first.isEmpty()) {
      return Optional.empty();
    }
    String requestLine = first.get();
    Map<String, String> headers = new LinkedHashMap<>();
    while (true) {
      String line =
          line()
              .orElseThrow(
                  () ->
                      new BadRequest(
                          Response.error(
                              400,
                              "Bad Request",
                              "the connection ended before the empty line that ends the request head")));
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || line.substring(0, colon).contains(" ")) {
        throw new BadRequest(
            Response.error(
                400, "Bad Request", "a header line must be \"Name: value\", got \"" + line + "\""));
      }
      headers.put(
          line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    return Optional.of(parse(requestLine, headers));
  }

  private static Request parse(String requestLine, Map<String, String> headers) throws BadRequest {
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3
        || parts[0].isEmpty()
        || !parts[1].startsWith("/")
        || !parts[2].startsWith("HTTP/")) {
      throw new BadRequest(
          Response.error(
              400,
              "Bad Request",
              "the request line must be "
                  + "\"METHOD /path HTTP/1.1\" (single spaces), got \""
                  + requestLine
                  + "\""));
    }
    if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
      throw new BadRequest(
          Response.error(
              505,
              "HTTP Version Not Supported",
              "this server speaks HTTP/1.1 and HTTP/1.0, not " + parts[2]));
    }
    Request request = new Request(parts[0], parts[1], parts[2], headers);
    if (request.version().equals("HTTP/1.1") && request.header("host").isEmpty()) {
      throw new BadRequest(
          Response.error(
              400,
              "Bad Request",
              "HTTP/1.1 requires a Host header (e.g. \"Host: 127.0.0.1:9006\")"));
    }
    return request;
  }

  /**
   * One line without its ending. HTTP ends lines with CR LF; a bare LF is accepted too, as RFC 9112
   * allows, so that {@code nc} without {@code -C} works.
   */
  private Optional<String> line() throws IOException, BadRequest {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b == -1) {
        if (line.size() == 0) {
          return Optional.empty();
        }
        throw new BadRequest(
            Response.error(400, "Bad Request", "the connection ended in the middle of a line"));
      }
      if (--remaining < 0) {
        throw new BadRequest(
            Response.error(
                431,
                "Request Header Fields Too Large",
                "the request head is longer than " + MAX_HEAD_BYTES + " bytes"));
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return Optional.of(new String(bytes, 0, length, StandardCharsets.ISO_8859_1));
      }
      line.write(b);
    }
  }
}
