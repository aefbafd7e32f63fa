package dev.wirelab.labs.lab07;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The opening handshake of RFC 6455 (section 4): an HTTP request asking to switch protocols, and
 * the {@code 101} answer that proves the server understood it.
 */
public final class WebSocketHandshake {
  /**
   * Fixed by RFC 6455 (section 1.3). A server can only compute the right answer if it knows
   * WebSocket, so a plain HTTP server (or a cache) can never accept an upgrade by accident.
   */
  public static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private static final SecureRandom RANDOM = new SecureRandom();

  private WebSocketHandshake() {}

  /** {@code Sec-WebSocket-Accept} = base64( SHA-1( key + GUID ) ), computed here by hand. */
  public static String acceptFor(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime must provide SHA-1", e);
    }
  }

  /** A fresh {@code Sec-WebSocket-Key}: 16 random bytes in base64, new for every connection. */
  public static String newKey() {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    return Base64.getEncoder().encodeToString(nonce);
  }

  /** The client's upgrade request: an ordinary HTTP GET with four extra headers. */
  public static String request(String host, int port, String path, String key) {
    return "GET "
        + path
        + " HTTP/1.1\r\n"
        + "Host: "
        + host
        + ":"
        + port
        + "\r\n"
        + "Upgrade: websocket\r\n"
        + "Connection: Upgrade\r\n"
        + "Sec-WebSocket-Key: "
        + key
        + "\r\n"
        + "Sec-WebSocket-Version: 13\r\n"
        + "\r\n";
  }

  /** Whether {@code request} asks to become a WebSocket (RFC 6455, section 4.2.1). */
  public static boolean isUpgrade(HttpHead request) {
    return request.method().equals("GET")
        && request.headerHasToken("Upgrade", "websocket")
        && request.headerHasToken("Connection", "Upgrade")
        && !request.header("Sec-WebSocket-Key").isEmpty()
        && request.header("Sec-WebSocket-Version").equals("13");
  }

  /** The server's answer: after its empty line the connection carries frames, not HTTP. */
  public static String response(HttpHead request) {
    return "HTTP/1.1 101 Switching Protocols\r\n"
        + "Upgrade: websocket\r\n"
        + "Connection: Upgrade\r\n"
        + "Sec-WebSocket-Accept: "
        + acceptFor(request.header("Sec-WebSocket-Key"))
        + "\r\n"
        + "\r\n";
  }
}
