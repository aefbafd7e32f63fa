package dev.wirelab.labs.lab06;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.support.ClosedPort;
import dev.wirelab.labs.support.LabRun;
import dev.wirelab.labs.support.Narrator;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class Lab06HttpByHandTest {

  @Test
  void demoShowsRequestsAndResponsesWithVisibleLineEndings() {
    LabRun run = LabRun.of(new Lab06HttpByHand(), "demo", "--port", "0");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("lab 06 HTTP by hand: mode=demo host=127.0.0.1 port=0")
        .contains("> GET / HTTP/1.1\\r\\n\n> Host: 127.0.0.1:")
        .contains(
            "< HTTP/1.1 200 OK\\r\\n\n< Content-Type: text/html; charset=utf-8\\r\\n\n"
                + "< Content-Length: 153\\r\\n\n< Connection: keep-alive\\r\\n\n")
        .contains("< <!doctype html>\\n\n")
        .contains("[client] received 164 bytes: a 164-byte head and a 0-byte body")
        .contains("< 404 Not Found: there is nothing at /missing (try /)\\n")
        .contains("[client] after \"Connection: close\" the server closed: yes")
        .contains("< HTTP/1.1 501 Not Implemented\\r\\n")
        .contains("< Allow: GET, HEAD\\r\\n")
        .contains("request 3 typed wrong -> HTTP/1.1 400 Bad Request, then closing")
        .contains("[client] after the 400 the server closed: yes")
        .contains("< 400 Bad Request: the request line must be")
        .endsWith("[server] stopped\n");
  }

  @Test
  void clientModeSendsTypedRequestsOverOneConnection() throws Exception {
    StringWriter serverLog = new StringWriter();
    try (HttpServer server =
        HttpServer.start(
            "127.0.0.1",
            0,
            new Narrator(new PrintWriter(serverLog, true), "server"),
            Clock.systemUTC())) {
      String typed =
          "HEAD / HTTP/1.1\nHost: me\n\nGET /nope HTTP/1.1\nHost: me\nConnection: close\n\n";
      LabRun run =
          LabRun.of(
              new Lab06HttpByHand(new StringReader(typed)),
              "client",
              "--port",
              String.valueOf(server.port()));

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out())
          .contains("> HEAD / HTTP/1.1\\r\\n\n> Host: me\\r\\n\n> \\r\\n\n< HTTP/1.1 200 OK\\r\\n")
          .contains("< HTTP/1.1 404 Not Found\\r\\n")
          .contains("< 404 Not Found: there is nothing at /nope (try /)\\n")
          .endsWith("[client] the server closed the connection\n");
      assertThat(serverLog.toString())
          .containsPattern("127\\.0\\.0\\.1:(\\d+) request 2: GET /nope HTTP/1\\.1 -> 404");
    }
  }

  @Test
  void aBusyPortIsOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      LabRun run =
          LabRun.of(
              new Lab06HttpByHand(), "server", "--port", String.valueOf(taken.getLocalPort()));
      assertThat(run.assertOneLineError()).startsWith("error: cannot listen there");
    }
  }

  @Test
  void aRefusedConnectionIsOneLine() throws Exception {
    int closedPort = ClosedPort.tcp();
    LabRun run =
        LabRun.of(
            new Lab06HttpByHand(new StringReader("")),
            "client",
            "--port",
            String.valueOf(closedPort));
    assertThat(run.assertOneLineError()).startsWith("error: connection refused");
  }

  @Test
  void anUnknownHostIsOneLine() {
    LabRun run =
        LabRun.of(
            new Lab06HttpByHand(new StringReader("")), "client", "--host", "no-such-host.invalid");
    assertThat(run.assertOneLineError()).startsWith("error: unknown host no-such-host.invalid");
  }

  @Test
  void aMalformedPortIsOneLine() {
    LabRun run = LabRun.of(new Lab06HttpByHand(), "client", "--port", "http");
    assertThat(run.assertOneLineError()).contains("'http' is not a port number");
  }
}
