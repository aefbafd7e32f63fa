package dev.wirelab.chat.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.chat.http.RawHttp;
import dev.wirelab.chat.http.RawHttp.Request;
import dev.wirelab.chat.http.RawHttp.Response;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** HTTP long-polling byte for byte, as the reference server answers it, over plain sockets. */
class EngineIoPollingTest extends AbstractEchoServerTest {
  private String polling(String sid) {
    return POLLING + "&sid=" + sid;
  }

  @Test
  void handshakeSendsTheOpenPacket() throws IOException {
    Response response = RawHttp.get(server.port(), POLLING);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).isEqualTo("text/plain; charset=UTF-8");
    assertThat(response.body()).startsWith("0");
    JsonNode open = JSON.readTree(response.body().substring(1));
    assertThat(open.get("sid").asText()).matches("[A-Za-z0-9_-]{20}");
    assertThat(open.get("upgrades").toString()).isEqualTo("[\"websocket\"]");
    assertThat(open.get("pingInterval").asInt()).isEqualTo(25_000);
    assertThat(open.get("pingTimeout").asInt()).isEqualTo(20_000);
    assertThat(open.get("maxPayload").asInt()).isEqualTo(1_000_000);
  }

  @Test
  void badRequestsGetTheReferenceStatusAndJsonError() throws IOException {
    int port = server.port();
    assertError(RawHttp.get(port, "/engine.io/?EIO=4"), 400, 0, "Transport unknown");
    assertError(RawHttp.get(port, "/engine.io/?EIO=4&transport=abc"), 400, 0, "Transport unknown");
    assertError(RawHttp.get(port, POLLING + "&sid=nope"), 400, 1, "Session ID unknown");
    assertError(RawHttp.post(port, POLLING, "4x"), 400, 2, "Bad handshake method");
    assertError(
        RawHttp.send(port, new Request("PUT", POLLING, "")).get(0), 400, 2, "Bad handshake method");
    assertError(RawHttp.get(port, "/engine.io/?EIO=4&transport=websocket"), 400, 3, "Bad request");
    assertError(
        RawHttp.get(port, "/engine.io/?transport=polling"), 400, 5, "Unsupported protocol version");
    assertError(
        RawHttp.get(port, "/engine.io/?EIO=3&transport=polling"),
        400,
        5,
        "Unsupported protocol version");
  }

  private static void assertError(Response response, int status, int code, String message)
      throws IOException {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("content-type")).isEqualTo("application/json");
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("code").asInt()).isEqualTo(code);
    assertThat(error.get("message").asText()).isEqualTo(message);
  }

  @Test
  void postedPacketsComeBackInOnePayload() throws Exception {
    String sid = openPollingSession();

    Response posted = RawHttp.post(server.port(), polling(sid), "4hello\u001e4☃\u001ebAQIDBA==");
    Response polled = RawHttp.get(server.port(), polling(sid));

    assertThat(posted.status()).isEqualTo(200);
    assertThat(posted.body()).isEqualTo("ok");
    assertThat(polled.body()).isEqualTo("4hello\u001e4☃\u001ebAQIDBA==");
  }

  @Test
  void serverPingsAndClientPongsKeepTheSession() throws Exception {
    restart(EngineIoOptions.defaults().withPingInterval(50).withPingTimeout(2_000));
    String sid = openPollingSession();

    for (int round = 0; round < 3; round++) {
      assertThat(RawHttp.get(server.port(), polling(sid)).body()).isEqualTo("2");
      assertThat(RawHttp.post(server.port(), polling(sid), "3").body()).isEqualTo("ok");
    }
    assertThat(server.engine.sessionCount()).isEqualTo(1);
  }

  @Test
  void aClientThatNeverAnswersTheServerPingTimesOut() throws Exception {
    restart(EngineIoOptions.defaults().withPingInterval(50).withPingTimeout(50));
    String sid = openPollingSession();

    assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.PING_TIMEOUT);
    assertError(RawHttp.get(server.port(), polling(sid)), 400, 1, "Session ID unknown");
  }

  @Test
  void malformedPayloadClosesOnlyThatSession() throws Exception {
    String bad = openPollingSession();
    String good = openPollingSession();

    assertError(RawHttp.post(server.port(), polling(bad), "abc"), 400, 3, "Bad request");

    assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.PARSE_ERROR);
    assertError(RawHttp.get(server.port(), polling(bad)), 400, 1, "Session ID unknown");
    RawHttp.post(server.port(), polling(good), "4still here");
    assertThat(RawHttp.get(server.port(), polling(good)).body()).isEqualTo("4still here");
  }

  @Test
  void invalidUtf8InAPostIsAParseError() throws Exception {
    String sid = openPollingSession();
    byte[] body = {'4', (byte) 0xc3, 0x28};

    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket
          .getOutputStream()
          .write(
              ("POST "
                      + polling(sid)
                      + " HTTP/1.1\r\nHost: x\r\n"
                      + "Connection: close\r\nContent-Length: 3\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(body);

      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response)
          .startsWith("HTTP/1.1 400")
          .endsWith("{\"code\":3,\"message\":\"Bad request\"}");
    }
    assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.PARSE_ERROR);
  }

  @Test
  void aSecondConcurrentGetClosesTheSession() throws Exception {
    String sid = openPollingSession();

    List<Response> responses =
        RawHttp.send(server.port(), Request.get(polling(sid)), Request.get(polling(sid)));

    assertThat(responses.get(0).status()).isEqualTo(200);
    assertThat(responses.get(0).body()).isEqualTo("1");
    assertError(responses.get(1), 400, 3, "Bad request");
    assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.TRANSPORT_ERROR);
  }

  @Test
  void closePacketEndsThePendingGetWithNoop() throws Exception {
    String sid = openPollingSession();

    List<Response> responses =
        RawHttp.send(server.port(), Request.get(polling(sid)), Request.post(polling(sid), "1"));

    assertThat(responses.get(0).body()).isEqualTo("6");
    assertThat(responses.get(1).body()).isEqualTo("ok");
    assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.TRANSPORT_CLOSE);
  }

  @Test
  void aPollThatCrossedTheClientsCloseGetsTheNoopOnce() throws Exception {
    String sid = openPollingSession();

    // The close first, the poll after (the order the reference suite's race can take).
    assertThat(RawHttp.post(server.port(), polling(sid), "1").body()).isEqualTo("ok");
    Response crossed = RawHttp.get(server.port(), polling(sid));
    assertThat(crossed.status()).isEqualTo(200);
    assertThat(crossed.body()).isEqualTo("6");
    assertError(RawHttp.get(server.port(), polling(sid)), 400, 1, "Session ID unknown");
  }

  @Test
  void aPollThatCrossedTheClientsCloseGetsTheNoopUntilTheWindowEndsOnTheSessionsClock()
      throws Exception {
    try (FrozenSession frozen = new FrozenSession()) {
      assertThat(EmbeddedHttp.answer(frozen.send(HttpMethod.POST, "1"))).isEqualTo("200 ok");

      frozen.advanceNanos(CrossedCloses.WINDOW_NANOS);

      assertThat(EmbeddedHttp.answer(frozen.poll())).isEqualTo("200 6");
    }
  }

  @Test
  void aPollThatComesJustAfterTheCrossedCloseWindowFindsTheSessionUnknown() throws Exception {
    try (FrozenSession frozen = new FrozenSession()) {
      assertThat(EmbeddedHttp.answer(frozen.send(HttpMethod.POST, "1"))).isEqualTo("200 ok");

      frozen.advanceNanos(CrossedCloses.WINDOW_NANOS + 1);

      assertThat(EmbeddedHttp.answer(frozen.poll()))
          .isEqualTo("400 {\"code\":1,\"message\":\"Session ID unknown\"}");
    }
  }

  @Test
  void aPollThatFoundTheSessionOpenButRunsAfterTheClientsCloseGetsTheNoop() throws Exception {
    String sid = openPollingSession();
    EngineIoSession session = (EngineIoSession) server.listener.nextOpened();
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    session
        .loop()
        .execute(
            () -> {
              blocked.countDown();
              awaitQuietly(release);
            });
    assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
    EmbeddedChannel postConnection = EmbeddedHttp.connection();
    EmbeddedChannel getConnection = EmbeddedHttp.connection();
    try {
      // Both find the session registered and wait for its loop, the close first: the order two
      // connections' event loops can give the reference suite's GET and POST 1.
      EmbeddedHttp.send(server.engine, postConnection, HttpMethod.POST, polling(sid), "1");
      EmbeddedHttp.send(server.engine, getConnection, HttpMethod.GET, polling(sid), "");
      release.countDown();
      session.loop().submit(() -> {}).get(10, TimeUnit.SECONDS);

      assertThat(EmbeddedHttp.answer(postConnection)).isEqualTo("200 ok");
      assertThat(EmbeddedHttp.answer(getConnection)).isEqualTo("200 6");
      assertError(RawHttp.get(server.port(), polling(sid)), 400, 1, "Session ID unknown");
    } finally {
      release.countDown();
      postConnection.finishAndReleaseAll();
      getConnection.finishAndReleaseAll();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void serverCloseReachesThePollerWithWhatWasQueued() throws Exception {
    String sid = openPollingSession();
    EngineIoSocket session = server.listener.nextOpened();

    session.send("last words");
    session.close();
    session.send("too late");

    assertThat(RawHttp.get(server.port(), polling(sid)).body()).isEqualTo("4last words\u001e1");
    assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.FORCED_CLOSE);
    assertError(RawHttp.get(server.port(), polling(sid)), 400, 1, "Session ID unknown");
  }

  @Test
  void serverCloseEndsTheNextOrPendingGetWithTheClosePacket() throws Exception {
    String sid = openPollingSession();
    EngineIoSocket session = server.listener.nextOpened();

    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.getOutputStream().write(Request.get(polling(sid)).bytes(server.port(), true));
      session.close();

      // Whether the GET was already waiting or arrives just after, it carries the close packet.
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n1");
    }
    assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.FORCED_CLOSE);
  }

  @Test
  void aCancelledGetClosesTheSession() throws Exception {
    String sid = openPollingSession();

    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
      socket.getOutputStream().write(Request.get(polling(sid)).bytes(server.port(), false));
    }

    assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.TRANSPORT_CLOSE);
  }

  @Test
  void postLargerThanMaxPayloadIsRefusedWith413() throws Exception {
    restart(EngineIoOptions.defaults().withMaxPayload(100));
    String sid = openPollingSession();

    Response response = RawHttp.post(server.port(), polling(sid), "4" + "x".repeat(200));

    assertThat(response.status()).isEqualTo(413);
  }

  @Test
  void aPollerThatNeverPollsIsDisconnectedAtTheOutboundLimit() throws Exception {
    restart(EngineIoOptions.defaults().withMaxOutboundBytes(10_000));
    String sid = openPollingSession();
    EngineIoSocket session = server.listener.nextOpened();

    for (int i = 0; i < 20; i++) {
      session.send("x".repeat(1_000));
    }

    assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.TRANSPORT_ERROR);
    assertError(RawHttp.get(server.port(), polling(sid)), 400, 1, "Session ID unknown");
  }

  @Test
  void handshakesBeyondMaxConnectionsAreRefused() throws Exception {
    restart(EngineIoOptions.defaults().withMaxConnections(1));
    openPollingSession();

    Response refused = RawHttp.get(server.port(), POLLING);

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.body()).isEqualTo("{\"code\":3,\"message\":\"Server full\"}");
  }

  @Test
  void crossOriginNeedsTheAllowList() throws Exception {
    String foreign = "Origin: http://evil.example";
    assertError(RawHttp.get(server.port(), POLLING, foreign), 403, 4, "Forbidden");

    Response sameOrigin =
        RawHttp.get(server.port(), POLLING, "Origin: http://127.0.0.1:" + server.port());
    assertThat(sameOrigin.status()).isEqualTo(200);

    restart(EngineIoOptions.defaults().withAllowedOrigins("http://class.example"));
    Response allowed = RawHttp.get(server.port(), POLLING, "Origin: http://class.example");
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.header("access-control-allow-origin")).isEqualTo("http://class.example");
    assertThat(allowed.header("access-control-allow-credentials")).isEqualTo("true");

    Response preflight =
        RawHttp.send(
                server.port(),
                new Request(
                    "OPTIONS",
                    POLLING,
                    null,
                    "Origin: http://class.example",
                    "Access-Control-Request-Method: POST",
                    "Access-Control-Request-Headers: content-type"))
            .get(0);
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("access-control-allow-origin")).isEqualTo("http://class.example");
    assertThat(preflight.header("access-control-allow-methods")).contains("POST");
    assertThat(preflight.header("access-control-allow-headers")).isEqualTo("content-type");
  }

  @Test
  void wildcardAllowsAnyOrigin() throws Exception {
    restart(EngineIoOptions.defaults().withAllowedOrigins("*"));

    Response response = RawHttp.get(server.port(), POLLING, "Origin: http://anywhere.example");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("access-control-allow-origin")).isEqualTo("http://anywhere.example");
    assertThat(response.body()).startsWith("0{");
  }
}
