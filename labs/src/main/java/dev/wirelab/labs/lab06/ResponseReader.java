package dev.wirelab.labs.lab06;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one response from a connection, byte for byte as it arrived: the head up to the empty line,
 * then exactly {@code Content-Length} bytes of body (none after a HEAD request).
 */
public final class ResponseReader {
  private static final int MAX_HEAD_BYTES = 64 * 1024;

  private final InputStream in;

  public ResponseReader(InputStream in) {
    this.in = in;
  }

  /** One response as raw bytes and its parts; empty when the server had closed the connection. */
  public Optional<RawResponse> next(boolean afterHead) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!endsWithEmptyLine(head.toByteArray())) {
      int b = in.read();
      if (b == -1) {
        if (head.size() == 0) {
          return Optional.empty();
        }
        throw new IOException("the server closed the connection in the middle of a response head");
      }
      if (head.size() >= MAX_HEAD_BYTES) {
        throw new IOException("the response head is longer than " + MAX_HEAD_BYTES + " bytes");
      }
      head.write(b);
    }
    String headText = head.toString(StandardCharsets.ISO_8859_1);
    int length = afterHead ? 0 : contentLength(headText);
    byte[] body = in.readNBytes(length);
    if (body.length != length) {
      throw new IOException("the body ended after " + body.length + " of " + length + " bytes");
    }
    return Optional.of(new RawResponse(head.toByteArray(), body));
  }

  private static boolean endsWithEmptyLine(byte[] bytes) {
    int n = bytes.length;
    return n >= 4
        && bytes[n - 4] == '\r'
        && bytes[n - 3] == '\n'
        && bytes[n - 2] == '\r'
        && bytes[n - 1] == '\n';
  }

  private static int contentLength(String head) throws IOException {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        try {
          return Integer.parseInt(line.substring("content-length:".length()).trim());
        } catch (NumberFormatException e) {
          throw new IOException("not a number in \"" + line + "\"", e);
        }
      }
    }
    // This lab's server always sends Content-Length; without it the body would run to the close.
    return 0;
  }

  /** A response as received: its head (status line and headers, with the empty line) and body. */
  public record RawResponse(byte[] head, byte[] body) {
    public String statusLine() {
      String text = new String(head, StandardCharsets.ISO_8859_1);
      return text.substring(0, text.indexOf("\r\n"));
    }

    public boolean closesConnection() {
      return new String(head, StandardCharsets.ISO_8859_1)
          .toLowerCase(Locale.ROOT)
          .contains("\r\nconnection: close\r\n");
    }

    public byte[] bytes() {
      byte[] all = new byte[head.length + body.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(body, 0, all, head.length, body.length);
      return all;
    }
  }
}
