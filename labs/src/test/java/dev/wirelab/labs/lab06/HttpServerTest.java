package dev.wirelab.labs.lab06;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Talks to the server with a plain socket and compares the responses byte for byte. */
class HttpServerTest {
  /** A one-digit day of the month: IMF-fixdate still writes two digits. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2027-01-05T23:59:58Z"), ZoneOffset.UTC);

  private static final String DATE = "Date: Tue, 05 Jan 2027 23:59:58 GMT";
  private static final int PAGE_LENGTH = Site.PAGE.getBytes(StandardCharsets.UTF_8).length;

  private final StringWriter log = new StringWriter();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server =
        HttpServer.start("127.0.0.1", 0, new Narrator(new PrintWriter(log, true), "server"), CLOCK);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void getServesThePageWithItsContentLength() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

      assertThat(readResponse(socket.getInputStream(), PAGE_LENGTH))
          .isEqualTo(
              "HTTP/1.1 200 OK\r\n"
                  + "Content-Type: text/html; charset=utf-8\r\n"
                  + "Content-Length: 153\r\n"
                  + "Connection: keep-alive\r\n"
                  + DATE
                  + "\r\n"
                  + "Server: wirelab-lab06\r\n"
                  + "\r\n"
                  + Site.PAGE);
    }
    assertThat(PAGE_LENGTH).isEqualTo(153);
  }

  @Test
  void headSendsTheSameHeadersWithoutTheBodyAndTheConnectionStaysUsable() throws IOException {
    try (Socket socket = connect()) {
      send(
          socket,
          "HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET /nothing-here HTTP/1.1\r\nHost: x\r\n\r\n");

      assertThat(readResponse(socket.getInputStream(), 0))
          .isEqualTo(
              "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 153\r\n"
                  + "Connection: keep-alive\r\n"
                  + DATE
                  + "\r\nServer: wirelab-lab06\r\n\r\n");
      // Had HEAD sent a body, these bytes would be the page, not the 404's status line.
      String notFound = "404 Not Found: there is nothing at /nothing-here (try /)\n";
      assertThat(readResponse(socket.getInputStream(), notFound.length()))
          .isEqualTo(
              "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 57\r\n"
                  + "Connection: keep-alive\r\n"
                  + DATE
                  + "\r\nServer: wirelab-lab06\r\n\r\n"
                  + notFound);
    }
  }

  @Test
  void keepAliveServesTwoRequestsOnOneConnectionAndHonoursConnectionClose() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(readResponse(socket.getInputStream(), PAGE_LENGTH))
          .startsWith("HTTP/1.1 200 OK\r\n")
          .contains("\r\nConnection: keep-alive\r\n");

      send(socket, "GET /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertThat(readResponse(socket.getInputStream(), PAGE_LENGTH))
          .startsWith("HTTP/1.1 200 OK\r\n")
          .contains("\r\nConnection: close\r\n")
          .endsWith(Site.PAGE);
      assertThat(socket.getInputStream().read())
          .as("end of stream after Connection: close")
          .isEqualTo(-1);
    }
    assertThat(log.toString())
        .contains("request 1: GET / HTTP/1.1 -> 200 OK, keeping the connection open")
        .contains("request 2: GET /index.html HTTP/1.1 -> 200 OK, then closing");
  }

  @Test
  void http10ClosesUnlessAskedToKeepAlive() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "GET / HTTP/1.0\r\n\r\n");
      assertThat(readResponse(socket.getInputStream(), PAGE_LENGTH))
          .contains("\r\nConnection: close\r\n");
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void aMalformedRequestLineGets400AndTheConnectionEnds() throws IOException {
    String body =
        "400 Bad Request: the request line must be \"METHOD /path HTTP/1.1\" (single spaces), got \"GET /\"\n";
    assertThat(exchangeOnce("GET /\r\n\r\n", body.length()))
        .isEqualTo(
            "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 95\r\n"
                + "Connection: close\r\n"
                + DATE
                + "\r\nServer: wirelab-lab06\r\n\r\n"
                + body);
  }

  @Test
  void http11WithoutHostIs400() throws IOException {
    assertThat(exchangeOnce("GET / HTTP/1.1\r\n\r\n", 79))
        .startsWith("HTTP/1.1 400 Bad Request\r\n")
        .endsWith(
            "\r\n\r\n400 Bad Request: HTTP/1.1 requires a Host header (e.g. \"Host: 127.0.0.1:9006\")\n");
  }

  @Test
  void anUnknownMethodIs501AndAKnownButRefusedOneIs405WithAllow() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "BREW /coffee HTTP/1.1\r\nHost: x\r\n\r\nDELETE / HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(readResponse(socket.getInputStream(), 117))
          .startsWith("HTTP/1.1 501 Not Implemented\r\n")
          .endsWith(
              "501 Not Implemented: this server does not know the method \"BREW\" "
                  + "(it knows GET and HEAD; methods are case-sensitive)\n");
      assertThat(readResponse(socket.getInputStream(), 91))
          .isEqualTo(
              "HTTP/1.1 405 Method Not Allowed\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 91\r\n"
                  + "Allow: GET, HEAD\r\nConnection: keep-alive\r\n"
                  + DATE
                  + "\r\nServer: wirelab-lab06\r\n\r\n"
                  + "405 Method Not Allowed: DELETE is an HTTP method, but this server only allows GET and HEAD\n");
    }
  }

  @Test
  void anOversizedHeadIs431() throws IOException {
    String huge =
        "GET / HTTP/1.1\r\nHost: x\r\nX-Padding: "
            + "a".repeat(RequestReader.MAX_HEAD_BYTES)
            + "\r\n\r\n";
    String body =
        "431 Request Header Fields Too Large: the request head is longer than 8192 bytes\n";
    assertThat(exchangeOnce(huge, body.length()))
        .startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n")
        .contains("\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n")
        .endsWith(body);
  }

  @Test
  void bareLineFeedsAsTypedIntoNcAreAccepted() throws IOException {
    assertThat(exchangeOnce("GET / HTTP/1.0\nHost: x\n\n", PAGE_LENGTH))
        .startsWith("HTTP/1.1 200 OK\r\n");
  }

  @Test
  void anUnsupportedVersionIs505() throws IOException {
    String body =
        "505 HTTP Version Not Supported: this server speaks HTTP/1.1 and HTTP/1.0, not HTTP/2.0\n";
    assertThat(exchangeOnce("GET / HTTP/2.0\r\nHost: x\r\n\r\n", body.length()))
        .startsWith("HTTP/1.1 505 HTTP Version Not Supported\r\n")
        .endsWith("\r\n\r\n" + body);
  }

  private String exchangeOnce(String request, int bodyLength) throws IOException {
    try (Socket socket = connect()) {
      send(socket, request);
      String response = readResponse(socket.getInputStream(), bodyLength);
      assertThat(socket.getInputStream().read())
          .as("connection closed after %s", response)
          .isEqualTo(-1);
      return response;
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
    socket.setSoTimeout(5_000);
    return socket;
  }

  private static void send(Socket socket, String request) throws IOException {
    socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
  }

  /** The head up to the empty line, then exactly {@code bodyLength} bytes; as text. */
  private static String readResponse(InputStream in, int bodyLength) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      assertThat(b).as("response so far: %s", head).isNotEqualTo(-1);
      head.append((char) b);
    }
    String body = new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
    return head + body;
  }
}
