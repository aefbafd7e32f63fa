package dev.wirelab.labs.lab07;

import java.nio.charset.StandardCharsets;

/**
 * A complete HTTP/1.1 response with a body. {@code Content-Length} tells the client where the body
 * ends, so the connection can stay open for the next request (keep-alive).
 */
public record HttpResponse(int status, String reason, String contentType, byte[] body) {

  public static HttpResponse ok(String contentType, String body) {
    return new HttpResponse(200, "OK", contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public static HttpResponse error(int status, String reason, String explanation) {
    return new HttpResponse(
        status,
        reason,
        "text/plain; charset=utf-8",
        (explanation + "\n").getBytes(StandardCharsets.UTF_8));
  }

  public byte[] toBytes() {
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + reason
            + "\r\n"
            + "Content-Type: "
            + contentType
            + "\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n"
            + "\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }
}
