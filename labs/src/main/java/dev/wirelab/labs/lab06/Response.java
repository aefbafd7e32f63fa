package dev.wirelab.labs.lab06;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response: status line, header fields in the order they will be sent, and the body. */
public record Response(int status, String reason, Map<String, String> headers, byte[] body) {

  public static Response of(int status, String reason, String contentType, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    // Without Content-Length the client could only find the end of the body when the
    // connection closes, and keep-alive would be impossible.
    headers.put("Content-Length", String.valueOf(bytes.length));
    return new Response(status, reason, headers, bytes);
  }

  /** Plain text for the errors, one sentence saying what was wrong. */
  public static Response error(int status, String reason, String explanation) {
    return of(
        status,
        reason,
        "text/plain; charset=utf-8",
        status + " " + reason + ": " + explanation + "\n");
  }

  public Response with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Response(status, reason, more, body);
  }

  public String statusLine() {
    return "HTTP/1.1 " + status + " " + reason;
  }

  /** The bytes on the wire; for HEAD the same head, with the body left out. */
  public byte[] toBytes(boolean includeBody) {
    StringBuilder head = new StringBuilder(statusLine()).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
    if (includeBody) {
      bytes.writeBytes(body);
    }
    return bytes.toByteArray();
  }
}
