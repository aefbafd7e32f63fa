package dev.wirelab.chat.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.chat.engineio.EngineIoEcho;
import dev.wirelab.chat.engineio.EngineIoOptions;
import dev.wirelab.chat.engineio.EngineIoServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP edge against clients that misbehave on purpose: raw bytes over real sockets. */
class HttpEdgeTest {
  private static final int TIMEOUT_MILLIS = 10_000;

  private final WebServer server =
      WebServer.builder()
          .host("127.0.0.1")
          .port(0)
          .requestDeadline(Duration.ofMillis(300))
          .maxConnections(3, 3)
          .engineIo(
              "/engine.io/", new EngineIoServer(EngineIoOptions.defaults(), new EngineIoEcho()))
          .staticResources("/", "web")
          .start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aBadPercentEscapeIs400NotAClosedConnection() throws IOException {
    assertThat(exchange("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    assertThat(
            exchange("GET /engine.io/?EIO=4&transport=polling&sid=%zz HTTP/1.1\r\nHost: x\r\n\r\n"))
        .startsWith("HTTP/1.1 400 ");
  }

  @Test
  void hugeHeadersAre431() throws IOException {
    assertThat(exchange("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"))
        .startsWith("HTTP/1.1 431 ");
  }

  @Test
  void headOfThePageIsItsHeadersWithoutABody() throws IOException {
    String head = exchange("HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(head).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\n");
    assertThat(head.toLowerCase()).contains("content-length: ");
  }

  @Test
  void thePageComesWithSecurityHeaders() throws IOException {
    String page = exchange("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").toLowerCase();
    assertThat(page)
        .contains("content-security-policy: default-src 'self';")
        .contains("frame-ancestors 'none'")
        .contains("x-content-type-options: nosniff")
        .contains("referrer-policy: no-referrer")
        .contains("x-frame-options: deny");
  }

  @Test
  void pollingAnswersAreNotStored() throws IOException {
    String open =
        exchange(
                "GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n")
            .toLowerCase();
    assertThat(open).startsWith("http/1.1 200 ").contains("cache-control: no-store");
  }

  @Test
  void anEmptyWebSocketKeyIs400() throws IOException {
    assertThat(
            exchange(
                "GET /engine.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: \r\n\r\n"))
        .startsWith("HTTP/1.1 400 ");
  }

  @Test
  void dnsRebindingIsRefusedAndTheServedAddressIsAllowed() throws IOException {
    int port = server.port();
    String rebound =
        exchange(
            "GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\n"
                + "Host: evil.example:"
                + port
                + "\r\nOrigin: http://evil.example:"
                + port
                + "\r\n\r\n");
    assertThat(rebound).startsWith("HTTP/1.1 403 ");
    String https =
        exchange(
            "GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\n"
                + "Host: 127.0.0.1:"
                + port
                + "\r\nOrigin: https://127.0.0.1:"
                + port
                + "\r\n\r\n");
    assertThat(https).as("this server serves no https").startsWith("HTTP/1.1 403 ");
    String served =
        exchange(
            "GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\n"
                + "Host: 127.0.0.1:"
                + port
                + "\r\nOrigin: http://127.0.0.1:"
                + port
                + "\r\nConnection: close\r\n\r\n");
    assertThat(served).startsWith("HTTP/1.1 200 ");
  }

  @Test
  void aRequestThatNeverEndsIsClosedAtTheDeadline() throws IOException {
    try (Socket slow = connect()) {
      slow.getOutputStream()
          .write("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: a".getBytes(StandardCharsets.US_ASCII));
      // The deadline counts from the first byte; a byte now and then does not move it.
      slow.getOutputStream().write('a');
      assertThat(closedWithoutAnswer(slow)).isTrue();
    }
  }

  @Test
  void connectionsOverTheCapAreClosedAtOnce() throws IOException {
    List<Socket> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        open.add(connect());
      }
      // Each of the three is served; the fourth is closed before it is read.
      open.get(0)
          .getOutputStream()
          .write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(new String(open.get(0).getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
          .isEqualTo("HTTP/1.1 200");
      try (Socket fourth = connect()) {
        assertThat(closedWithoutAnswer(fourth)).isTrue();
      }
    } finally {
      for (Socket socket : open) {
        socket.close();
      }
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(TIMEOUT_MILLIS);
    return socket;
  }

  /** Sends the bytes and reads until the server closes (or the request is answered and idle). */
  private String exchange(String request) throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.setSoTimeout(1_000);
      return readToEnd(socket);
    }
  }

  /** True if the server closes the connection (within the timeout) without sending a byte. */
  private static boolean closedWithoutAnswer(Socket socket) throws IOException {
    try {
      return socket.getInputStream().read() == -1;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    }
  }

  private static String readToEnd(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
      }
    } catch (SocketTimeoutException kept) {
      // A keep-alive answer: the server keeps the connection, what arrived is the answer.
    }
    return text.toString();
  }
}
