package dev.wirelab.exercises.lab07;

import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.wire.HttpProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Exercise 07's checks, against a student's server on {@code host:port}: plain HTTP and the
 * WebSocket opening handshake of RFC 6455 (section 4.2) on the same port.
 */
public final class HandshakeChecks {
  /** RFC 6455 section 1.3's worked example: this key must give exactly this accept value. */
  static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

  static final String RFC_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final int TIMEOUT_MILLIS = 2_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private HandshakeChecks() {}

  /** GET / is still an ordinary HTTP request: 200, and a body of exactly Content-Length bytes. */
  public static Verdict servesHttp(String host, int port) throws IOException {
    try (HttpProbe http = HttpProbe.connect(host, port, TIMEOUT_MILLIS)) {
      http.send("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
      HttpProbe.Head head = http.readHead();
      if (head.status() != 200) {
        return Verdict.fail(
            "200 OK for GET / (no Upgrade header: plain HTTP)",
            "\"" + head.statusLine() + "\"",
            "only a request with Upgrade: websocket switches protocols; serve every other one as HTTP");
      }
      String length = head.header("Content-Length");
      if (length.isEmpty()) {
        return Verdict.fail(
            "a Content-Length header",
            "200 without Content-Length",
            "the client needs it to know where the body ends on a kept-alive connection");
      }
      byte[] body = http.in().readNBytes(Integer.parseInt(length));
      if (body.length != Integer.parseInt(length)) {
        return Verdict.fail(
            "a body of " + length + " bytes",
            body.length + " bytes before the end",
            "Content-Length counts the body's bytes (UTF-8), not its characters");
      }
      return Verdict.pass("200 with a " + body.length + "-byte body");
    } catch (NumberFormatException e) {
      return Verdict.fail(
          "a Content-Length that is a number", e.getMessage(), "Content-Length: 42");
    }
  }

  /** A valid upgrade gets 101 with the accept value computed from the key and the GUID. */
  public static Verdict acceptsUpgrade(String host, int port) throws IOException {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    for (String key : new String[] {RFC_KEY, Base64.getEncoder().encodeToString(nonce)}) {
      try (HttpProbe ws = HttpProbe.connect(host, port, TIMEOUT_MILLIS)) {
        ws.send(upgrade(host, key, "13"));
        HttpProbe.Head head = ws.readHead();
        if (head.status() != 101) {
          return Verdict.fail(
              "101 Switching Protocols for a valid upgrade on /ws",
              "\"" + head.statusLine() + "\"",
              "GET with Upgrade: websocket, Connection: Upgrade, a Sec-WebSocket-Key and "
                  + "Sec-WebSocket-Version: 13 is an upgrade (RFC 6455, section 4.2.1)");
        }
        if (!head.hasToken("Upgrade", "websocket") || !head.hasToken("Connection", "Upgrade")) {
          return Verdict.fail(
              "Upgrade: websocket and Connection: Upgrade in the 101",
              "Upgrade: \""
                  + head.header("Upgrade")
                  + "\", Connection: \""
                  + head.header("Connection")
                  + "\"",
              "the 101 repeats both headers (RFC 6455, section 4.2.2)");
        }
        String expected = acceptFor(key);
        String observed = head.header("Sec-WebSocket-Accept");
        if (!observed.equals(expected)) {
          return Verdict.fail(
              "Sec-WebSocket-Accept: " + expected + " for key " + key,
              observed.isEmpty()
                  ? "no Sec-WebSocket-Accept header"
                  : "Sec-WebSocket-Accept: " + observed,
              "base64( SHA-1( key + \"" + GUID + "\" ) ): the raw 20-byte digest, not its hex");
        }
      }
    }
    return Verdict.pass(
        "101 with the right Sec-WebSocket-Accept for the RFC's key and a random one");
  }

  /**
   * A broken upgrade is refused: 400 without a key, 426 (naming version 13) for another version.
   */
  public static Verdict refusesBadUpgrade(String host, int port) throws IOException {
    try (HttpProbe ws = HttpProbe.connect(host, port, TIMEOUT_MILLIS)) {
      ws.send(upgrade(host, null, "13"));
      HttpProbe.Head head = ws.readHead();
      if (head.status() != 400) {
        return Verdict.fail(
            "400 Bad Request for an upgrade without Sec-WebSocket-Key",
            "\"" + head.statusLine() + "\"",
            "check every header of RFC 6455 section 4.2.1 before answering 101");
      }
    }
    try (HttpProbe ws = HttpProbe.connect(host, port, TIMEOUT_MILLIS)) {
      ws.send(upgrade(host, RFC_KEY, "8"));
      HttpProbe.Head head = ws.readHead();
      if (head.status() != 426 || !head.header("Sec-WebSocket-Version").equals("13")) {
        return Verdict.fail(
            "426 Upgrade Required with Sec-WebSocket-Version: 13 for version 8",
            "\""
                + head.statusLine()
                + "\", Sec-WebSocket-Version: \""
                + head.header("Sec-WebSocket-Version")
                + "\"",
            "a server tells the client which version it speaks (RFC 6455, section 4.4)");
      }
    }
    return Verdict.pass("400 without a key, 426 naming version 13 for version 8");
  }

  static String upgrade(String host, String key, String version) {
    return "GET /ws HTTP/1.1\r\n"
        + "Host: "
        + host
        + "\r\n"
        + "Upgrade: websocket\r\n"
        + "Connection: Upgrade\r\n"
        + (key == null ? "" : "Sec-WebSocket-Key: " + key + "\r\n")
        + "Sec-WebSocket-Version: "
        + version
        + "\r\n"
        + "\r\n";
  }

  static String acceptFor(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-1", e);
    }
  }
}
