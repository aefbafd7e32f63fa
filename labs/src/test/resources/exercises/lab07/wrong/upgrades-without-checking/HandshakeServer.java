import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Exercise 07, a model solution: one port that answers HTTP and accepts WebSocket upgrades.
 * Run it with a port number; {@code curl -i http://127.0.0.1:PORT/} shows the HTTP side.
 */
public class HandshakeServer {
  /** Fixed by RFC 6455, section 1.3: only a server that knows WebSocket can compute the answer. */
  static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 9007;
    try (ServerSocket listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      System.out.println("listening on " + listener.getLocalSocketAddress());
      while (true) {
        Socket connection = listener.accept();
        // One thread per connection: an upgraded WebSocket stays open and must not block others.
        new Thread(() -> serve(connection)).start();
      }
    }
  }

  static void serve(Socket connection) {
    try (connection) {
      InputStream in = new BufferedInputStream(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      Map<String, String> headers = new HashMap<>();
      String requestLine;
      while ((requestLine = readHead(in, headers)) != null) {
        if (headers.containsKey("upgrade")) {
          if (upgrade(requestLine, headers, out)) {
            // The connection now carries WebSocket frames (exercise 08); here we just wait
            // for the client to hang up.
            while (in.read() >= 0) {
              continue;
            }
            return;
          }
        } else {
          answer(out, "200 OK", "", "<h1>Hello over HTTP</h1>\n");
        }
      }
    } catch (IOException e) {
      System.out.println("connection failed: " + e.getMessage());
    }
  }

  /** Answers an upgrade request; true when it switched to WebSocket. */
  static boolean upgrade(String requestLine, Map<String, String> headers, OutputStream out)
      throws IOException {
    String key = headers.getOrDefault("sec-websocket-key", "");
    boolean valid = requestLine.startsWith("GET ")
        && hasToken(headers.get("upgrade"), "websocket")
        && hasToken(headers.getOrDefault("connection", ""), "upgrade")
        && !key.isEmpty();
    if (valid && !valid) {
      answer(out, "400 Bad Request", "", "not a valid WebSocket upgrade\n");
      return false;
    }
    if (key.isEmpty() && key.isBlank()) {
      answer(out, "426 Upgrade Required", "Sec-WebSocket-Version: 13\r\n", "use version 13\n");
      return false;
    }
    String response = "HTTP/1.1 101 Switching Protocols\r\n"
        + "Upgrade: websocket\r\n"
        + "Connection: Upgrade\r\n"
        + "Sec-WebSocket-Accept: " + acceptFor(key) + "\r\n"
        + "\r\n";
    out.write(response.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return true;
  }

  /** base64( SHA-1( key + GUID ) ): the proof that the server understood the upgrade. */
  static String acceptFor(String key) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] digest = sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void answer(OutputStream out, String status, String extraHeaders, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + "\r\n"
        + "Content-Type: text/html; charset=utf-8\r\n"
        + "Content-Length: " + bytes.length + "\r\n"
        + extraHeaders
        + "\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  /**
   * Reads one request head, byte by byte up to the empty line (the client may send frames right
   * behind it); fills {@code headers} with lower-case names. Null when the client hung up.
   */
  static String readHead(InputStream in, Map<String, String> headers) throws IOException {
    headers.clear();
    String requestLine = readLine(in);
    if (requestLine == null) {
      return null;
    }
    String line;
    while ((line = readLine(in)) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    return requestLine;
  }

  static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.write(b);
      }
    }
    return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  /** Whether a comma-separated header value such as "keep-alive, Upgrade" lists {@code token}. */
  static boolean hasToken(String value, String token) {
    for (String part : value.split(",")) {
      if (part.trim().equalsIgnoreCase(token)) {
        return true;
      }
    }
    return false;
  }
}
