package dev.wirelab.labs.lab16;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request written by hand on a fresh TCP connection, and the answer read to its end:
 * the lab shows polling as the plain requests it is.
 */
final class RawHttp {
  private static final int TIMEOUT_MILLIS = 10_000;

  private RawHttp() {}

  /** The status line, then the body, of {@code method path} with {@code body} (may be empty). */
  static String exchange(String host, int port, String method, String path, String body)
      throws IOException {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    String head =
        method
            + " "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + ":"
            + port
            + "\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: "
            + content.length
            + "\r\nConnection: close\r\n\r\n";
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int endOfHead = answer.indexOf("\r\n\r\n");
      if (endOfHead < 0) {
        throw new IOException("no complete HTTP answer from " + host + ":" + port);
      }
      return answer.substring(0, answer.indexOf("\r\n")) + " | " + answer.substring(endOfHead + 4);
    }
  }
}
