package dev.wirelab.labs.lab07;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.wirelab.labs.lab08.Frame;
import dev.wirelab.labs.lab08.Opcode;
import dev.wirelab.labs.support.LabRun;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.testkit.RealClock;
import java.io.EOFException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Lab07HttpAndWebSocketTest {
  private final StringWriter serverLog = new StringWriter();
  private final Narrator serverNarrator = new Narrator(new PrintWriter(serverLog), "server");

  @Test
  void demoServesAPageThenUpgradesAndTheAcceptKeysMatch() {
    LabRun run = LabRun.of(new Lab07HttpAndWebSocket(), "demo", "--port", "0");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("lab 07 HTTP and WebSocket on one port: mode=demo host=127.0.0.1 port=0")
        .containsPattern(
            "\\[client] GET / from local port \\d+ -> HTTP/1\\.1 200 OK, \\d+ bytes of text/html")
        .contains("[client]   | GET /ws HTTP/1.1\\r\\n")
        .contains("[client]   | Upgrade: websocket\\r\\n")
        .contains("[client]   | HTTP/1.1 101 Switching Protocols\\r\\n")
        .contains("got back a TEXT frame, 34 bytes: \"hello over the same TCP connection\"")
        .contains("[client] closing handshake: the server answered our close with close 1000");
    assertThat(run.prose()).contains("Socket.IO starts the same way");

    String key = capture(run.out(), "Sec-WebSocket-Key we sent: +(\\S+)");
    String computed = capture(run.out(), "accept computed by hand: +(\\S+)");
    String fromServer = capture(run.out(), "Sec-WebSocket-Accept from the server: (\\S+)");
    assertThat(computed).isEqualTo(fromServer).isEqualTo(WebSocketHandshake.acceptFor(key));
    assertThat(run.out()).contains("Sec-WebSocket-Accept: " + fromServer + "\\r\\n");
  }

  @Test
  void upgradedConnectionIsTheSameTcpConnection() {
    LabRun run = LabRun.of(new Lab07HttpAndWebSocket(), "demo", "--port", "0");

    String upgradePort =
        capture(run.out(), "new connection from local port (\\d+); the upgrade request");
    String framePort = capture(run.out(), "still local port (\\d+), no new request");
    assertThat(framePort).isEqualTo(upgradePort);
  }

  @Test
  void clientModeTalksToARunningServer() throws Exception {
    try (HttpAndWebSocketServer server = EchoSite.start("127.0.0.1", 0, serverNarrator)) {
      LabRun run =
          LabRun.of(new Lab07HttpAndWebSocket(), "client", "--port", String.valueOf(server.port()));

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("(match)").contains("close 1000");
    }
    assertThat(serverLog.toString())
        .contains("GET / HTTP/1.1 from 127.0.0.1:")
        .contains("-> 101 Switching Protocols")
        .contains("echoed a TEXT frame, 34 bytes, masked");
  }

  @Test
  void anUnmaskedClientFrameIsAnsweredWithClose1002AndTheConnectionEnds() throws Exception {
    try (HttpAndWebSocketServer server = EchoSite.start("127.0.0.1", 0, serverNarrator);
        RawWebSocketClient webSocket =
            RawWebSocketClient.connect("127.0.0.1", server.port(), EchoSite.WEBSOCKET_PATH)) {
      // FIN + TEXT, MASK=0 and length 2, then "hi": a frame only a server may send.
      webSocket.sendRaw(new byte[] {(byte) 0x81, 0x02, 'h', 'i'});

      Frame reply = webSocket.frames().receive();
      assertThat(reply.opcode()).isEqualTo(Opcode.CLOSE);
      assertThat(reply.closeCode()).isEqualTo(1002);
      assertThatThrownBy(() -> webSocket.frames().receive()).isInstanceOf(EOFException.class);
    }
    assertThat(serverLog.toString())
        .contains("unmasked frame from a client (TEXT frame, 2 bytes): sent close 1002")
        .doesNotContain("echoed");
  }

  @Test
  void demoShowsTheServerClosingOnAnUnmaskedFrame() {
    LabRun run = LabRun.of(new Lab07HttpAndWebSocket(), "demo", "--port", "0");

    assertThat(run.out())
        .contains("[server] unmasked frame from a client (TEXT frame, 2 bytes): sent close 1002")
        .contains(
            "[client] a new WebSocket sent 81 02 68 69, TEXT \"hi\" with MASK=0; "
                + "the server answered close 1002");
  }

  @Test
  void aRealBrowserLoadsThePageAndTalksWebSocketOnTheSamePort(@TempDir Path profile)
      throws Exception {
    // The page's script sends a message on open, and a second one when it has read the echo.
    String browserReadTheEcho = "echoed a TEXT frame, 25 bytes, masked";
    WatchedText log = new WatchedText(browserReadTheEcho);
    try (HttpAndWebSocketServer server =
        EchoSite.start("127.0.0.1", 0, new Narrator(new PrintWriter(log), "server"))) {
      // With a debugging port, headless Chromium stays on the page until it is stopped.
      ProcessBuilder browser =
          new ProcessBuilder(
                  "chromium",
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--user-data-dir=" + profile,
                  "--remote-debugging-port=0",
                  "http://127.0.0.1:" + server.port() + "/")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      Process chromium = RealClock.forChild(browser).start();
      try {
        assertThat(log.awaitSeen(30, TimeUnit.SECONDS))
            .as("the browser's second message; log:%n%s", log)
            .isTrue();
      } finally {
        stop(chromium);
      }
    }
    assertThat(log.toString())
        .contains("GET / HTTP/1.1 from 127.0.0.1:")
        .containsPattern("GET /ws HTTP/1\\.1 from 127\\.0\\.0\\.1:\\d+ -> 101 Switching Protocols")
        .contains("echoed a TEXT frame, 22 bytes, masked");
  }

  /** Stops the browser and every process it started, and waits (bounded) until they are gone. */
  private static void stop(Process browser) throws Exception {
    List<ProcessHandle> all = new ArrayList<>(browser.descendants().toList());
    all.add(browser.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle process : all) {
      try {
        process.onExit().get(10, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        process.destroyForcibly();
        process.onExit().get(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Text written by a narrator, and a latch that opens when {@code awaited} appears in it. */
  private static final class WatchedText extends Writer {
    private final StringBuilder text = new StringBuilder();
    private final String awaited;
    private final CountDownLatch seen = new CountDownLatch(1);

    WatchedText(String awaited) {
      this.awaited = awaited;
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
      if (text.indexOf(awaited) >= 0) {
        seen.countDown();
      }
    }

    boolean awaitSeen(long timeout, TimeUnit unit) throws InterruptedException {
      return seen.await(timeout, unit);
    }

    @Override
    public void flush() {
      // Nothing buffered: every write lands in the text at once.
    }

    @Override
    public void close() {
      // Nothing to release.
    }

    @Override
    public synchronized String toString() {
      return text.toString();
    }
  }

  @Test
  void plainHttpOnTheSamePortGetsPageNotFoundAndUpgradeRequired() throws Exception {
    try (HttpAndWebSocketServer server = EchoSite.start("127.0.0.1", 0, serverNarrator);
        RawHttpClient http = RawHttpClient.connect("127.0.0.1", server.port())) {
      assertThat(http.get("/").bodyText()).contains("new WebSocket(");
      assertThat(http.get("/nothing").head().startLine()).isEqualTo("HTTP/1.1 404 Not Found");
      RawHttpClient.Reply noUpgrade = http.get(EchoSite.WEBSOCKET_PATH);
      assertThat(noUpgrade.head().startLine()).isEqualTo("HTTP/1.1 426 Upgrade Required");
      assertThat(noUpgrade.bodyText()).contains("Upgrade: websocket");
    }
  }

  @Test
  void serverCountsHttpAndWebSocketBytesExactlyAsTheClientsDo() throws Exception {
    long httpSent;
    long httpReceived;
    long wsSent;
    long wsReceived;
    try (HttpAndWebSocketServer server = EchoSite.start("127.0.0.1", 0, serverNarrator)) {
      try (RawHttpClient http = RawHttpClient.connect("127.0.0.1", server.port());
          RawWebSocketClient webSocket =
              RawWebSocketClient.connect("127.0.0.1", server.port(), EchoSite.WEBSOCKET_PATH)) {
        http.get("/");
        webSocket.frames().send(Frame.text("count me"));
        assertThat(webSocket.frames().receive().text()).isEqualTo("count me");
        webSocket.closeHandshake();
        httpSent = http.traffic().sent();
        httpReceived = http.traffic().received();
        wsSent = webSocket.traffic().sent();
        wsReceived = webSocket.traffic().received();
      }
      server.close();
      assertThat(server.httpTraffic().received()).isEqualTo(httpSent);
      assertThat(server.httpTraffic().sent()).isEqualTo(httpReceived);
      assertThat(server.webSocketTraffic().received()).isEqualTo(wsSent);
      assertThat(server.webSocketTraffic().sent()).isEqualTo(wsReceived);
    }
    // What the client sent after its upgrade request: two masked frames, "count me" and the close.
    int frames = (2 + 4 + "count me".length()) + (2 + 4 + 2 + "done".length());
    assertThat(wsSent).isGreaterThan(frames);
  }

  @Test
  void busyPortIsOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      LabRun run =
          LabRun.of(
              new Lab07HttpAndWebSocket(),
              "server",
              "--port",
              String.valueOf(taken.getLocalPort()));
      assertThat(run.assertOneLineError()).startsWith("error: cannot listen there");
    }
  }

  @Test
  void aServerThatDoesNotSpeakWebSocketIsOneLine() throws Exception {
    // The JDK's own HTTP server knows nothing of WebSocket: it answers the upgrade request with a
    // 200.
    HttpServer plainHttp =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    plainHttp.createContext(
        "/",
        exchange -> {
          byte[] body = "just HTTP".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    plainHttp.start();
    try {
      LabRun run =
          LabRun.of(
              new Lab07HttpAndWebSocket(),
              "client",
              "--port",
              String.valueOf(plainHttp.getAddress().getPort()));
      assertThat(run.assertOneLineError())
          .contains("did not switch protocols: HTTP/1.1 200 OK (is it a WebSocket server");
    } finally {
      plainHttp.stop(0);
    }
  }

  private static String capture(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as("%s in:%n%s", regex, text).isTrue();
    return matcher.group(1);
  }
}
