import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * Given: the opening handshake of exercise 07, done. {@link #accept} reads one upgrade request
 * and answers 101; after it returns true, {@code in} and {@code out} carry WebSocket frames.
 */
final class Handshake {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private Handshake() {}

  /** Reads the request head and answers it: true after a 101, false after a 400. */
  static boolean accept(InputStream in, OutputStream out) throws IOException {
    String key = "";
    String line = readLine(in);
    while (line != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT)
          .equals("sec-websocket-key")) {
        key = line.substring(colon + 1).trim();
      }
      line = readLine(in);
    }
    if (key.isEmpty()) {
      out.write(("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return false;
    }
    out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Accept: " + acceptFor(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return true;
  }

  private static String acceptFor(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1")
          .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One line without its CRLF, read byte by byte so that no frame byte is taken; null at EOF. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return b < 0 && bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
  }
}
