package dev.wirelab.chat.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.chat.engineio.RawWebSocket.Frame;
import dev.wirelab.chat.http.RawHttp;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The WebSocket transport and the upgrade, driven by a raw client that can misbehave. */
class EngineIoWebSocketTest extends AbstractEchoServerTest {
  private static final String WEBSOCKET = "/engine.io/?EIO=4&transport=websocket";

  private static JsonNode readOpen(RawWebSocket socket) throws IOException {
    Frame open = socket.read();
    assertThat(open.text()).startsWith("0");
    return JSON.readTree(open.text().substring(1));
  }

  @Test
  void directWebSocketOpensWithoutUpgrades() throws Exception {
    try (RawWebSocket socket = RawWebSocket.connect(server.port(), WEBSOCKET)) {
      assertThat(socket.upgradeResponse()).startsWith("HTTP/1.1 101");
      JsonNode open = readOpen(socket);
      assertThat(open.get("upgrades").toString()).isEqualTo("[]");

      socket.sendText("4hello");
      socket.send(RawWebSocket.BINARY, new byte[] {1, 2, 3});

      assertThat(socket.read().text()).isEqualTo("4hello");
      Frame binary = socket.read();
      assertThat(binary.opcode()).isEqualTo(RawWebSocket.BINARY);
      assertThat(binary.payload()).containsExactly(1, 2, 3);
    }
    assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.TRANSPORT_CLOSE);
  }

  @Test
  void upgradeProbesThenSwitchesAndRefusesPollingAfterwards() throws Exception {
    String sid = openPollingSession();
    try (RawWebSocket socket = RawWebSocket.connect(server.port(), WEBSOCKET + "&sid=" + sid)) {
      socket.sendText("2probe");
      assertThat(socket.read().text()).isEqualTo("3probe");
      assertThat(RawHttp.get(server.port(), POLLING + "&sid=" + sid).body()).isEqualTo("6");

      socket.sendText("5");
      socket.sendText("4hello");
      assertThat(socket.read().text()).isEqualTo("4hello");

      RawHttp.Response poll = RawHttp.get(server.port(), POLLING + "&sid=" + sid);
      assertThat(poll.status()).isEqualTo(400);
      assertThat(poll.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
      try (RawWebSocket second = RawWebSocket.connect(server.port(), WEBSOCKET + "&sid=" + sid)) {
        assertThat(second.upgradeResponse()).startsWith("HTTP/1.1 101");
        assertThat(second.read().opcode()).isEqualTo(RawWebSocket.CLOSE);
      }
      assertThat(server.listener.nextOpened().transportName()).isEqualTo("websocket");
    }
  }

  @Test
  void theProbeIsAnsweredOnItsOwnConnectionWhileTheSessionsLoopIsBusy() throws Exception {
    openPollingSession();
    EngineIoSession session = (EngineIoSession) server.listener.nextOpened();
    EmbeddedChannel probe =
        new EmbeddedChannel(
            // As the web server's pipeline has it: it holds flushes made during a read.
            new FlushConsolidationHandler(256, true),
            new WebSocketPacketCodec(EngineIoOptions.defaults().maxPayload()),
            new WebSocketTransportHandler(session));
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      assertThat(session.upgrade().claim(probe)).isTrue();
      session.upgrade().attach(probe);
      session
          .loop()
          .execute(
              () -> {
                blocked.countDown();
                awaitQuietly(release);
              });
      assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();

      // Read and not yet ended (no channelReadComplete): the 5 could follow in the same read.
      probe.writeOneInbound(new TextWebSocketFrame("2probe"));

      // On the wire within the read, while the session's loop, held by the latch, has not seen it.
      assertThat(textOf(probe.readOutbound())).isEqualTo("3probe");
      probe.flushInbound();
      release.countDown();
      session.loop().submit(() -> {}).get(10, TimeUnit.SECONDS);
      assertThat((Object) probe.readOutbound()).as("answered once").isNull();
    } finally {
      release.countDown();
      probe.close();
      session.loop().submit(() -> {}).get(10, TimeUnit.SECONDS);
      probe.finishAndReleaseAll();
    }
  }

  private static String textOf(TextWebSocketFrame frame) {
    assertThat(frame).as("a frame written").isNotNull();
    try {
      return frame.text();
    } finally {
      frame.release();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The suite's order is {@code 2probe}, {@code 5}, then a GET, which may reach the session before
   * the {@code 5} does. Returns the probe, attached and having sent {@code 2probe}.
   */
  private static EmbeddedChannel probeThenPoll(FrozenSession frozen) {
    EmbeddedChannel probe = frozen.attachedProbe();
    assertThat(FrozenSession.frame(probe, "2probe")).isEqualTo("3probe");
    return probe;
  }

  @Test
  void aGetSentDuringTheUpgradeWaitsForTheUpgradePacketAndIsRefusedAfterIt() throws Exception {
    try (FrozenSession frozen = new FrozenSession()) {
      EmbeddedChannel probe = probeThenPoll(frozen);
      EmbeddedChannel get = frozen.poll();
      frozen.advanceMillis(PollingTransport.UPGRADE_HOLD_MILLIS - 1);
      assertThat(EmbeddedHttp.answer(get)).as("held until the upgrade ends").isNull();

      FrozenSession.frame(probe, "5");

      // As had it come after the 5, which the client sent first.
      assertThat(EmbeddedHttp.answer(get))
          .isEqualTo("400 {\"code\":3,\"message\":\"Bad request\"}");
      assertThat(frozen.session.transportName()).isEqualTo("websocket");
    }
  }

  @Test
  void aGetHeldForAnUpgradeThatDoesNotEndIsReleasedWithANoopAfterTheHold() throws Exception {
    try (FrozenSession frozen = new FrozenSession()) {
      EmbeddedChannel probe = probeThenPoll(frozen);
      EmbeddedChannel get = frozen.poll();
      frozen.advanceMillis(PollingTransport.UPGRADE_HOLD_MILLIS);

      assertThat(EmbeddedHttp.answer(get)).isEqualTo("200 6");
      FrozenSession.frame(probe, "5");
      assertThat(frozen.session.transportName()).isEqualTo("websocket");
    }
  }

  @Test
  void aSecondWebSocketDuringTheUpgradeOpensAndIsClosedOnceTheUpgradeEnds() throws Exception {
    String sid = openPollingSession();
    try (RawWebSocket socket = RawWebSocket.connect(server.port(), WEBSOCKET + "&sid=" + sid)) {
      socket.sendText("2probe");
      assertThat(socket.read().text()).isEqualTo("3probe");
      try (RawWebSocket second = RawWebSocket.connect(server.port(), WEBSOCKET + "&sid=" + sid)) {
        assertThat(second.upgradeResponse()).startsWith("HTTP/1.1 101");

        socket.sendText("5");
        assertThat(second.read().opcode()).isEqualTo(RawWebSocket.CLOSE);
      }
      socket.sendText("4hello");
      assertThat(socket.read().text()).isEqualTo("4hello");
    }
  }

  @Test
  void aForeignOriginCannotOpenAWebSocket() throws Exception {
    try (RawWebSocket foreign =
        RawWebSocket.connect(server.port(), WEBSOCKET, 0, "Origin: http://evil.example")) {
      assertThat(foreign.upgradeResponse()).startsWith("HTTP/1.1 403");
    }
    try (RawWebSocket same =
        RawWebSocket.connect(
            server.port(), WEBSOCKET, 0, "Origin: http://127.0.0.1:" + server.port())) {
      assertThat(same.upgradeResponse()).startsWith("HTTP/1.1 101");
      readOpen(same);
    }
  }

  @Test
  void invalidUtf8ClosesOnlyThatSessionWithParseError() throws Exception {
    try (RawWebSocket bad = RawWebSocket.connect(server.port(), WEBSOCKET);
        RawWebSocket good = RawWebSocket.connect(server.port(), WEBSOCKET)) {
      readOpen(bad);
      readOpen(good);

      bad.send(RawWebSocket.TEXT, new byte[] {'4', (byte) 0xc3, 0x28});

      assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.PARSE_ERROR);
      assertThat(bad.readUntilClosed()).isNotNull();
      good.sendText("4still served");
      assertThat(good.read().text()).isEqualTo("4still served");
    }
  }

  @Test
  void unknownPacketTypeIsAParseError() throws Exception {
    try (RawWebSocket socket = RawWebSocket.connect(server.port(), WEBSOCKET)) {
      readOpen(socket);

      socket.sendText("abc");

      assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.PARSE_ERROR);
      assertThat(socket.readUntilClosed().opcode()).isEqualTo(RawWebSocket.CLOSE);
    }
  }

  @Test
  void messageBeyondMaxPayloadClosesTheSession() throws Exception {
    restart(EngineIoOptions.defaults().withMaxPayload(1_000));
    try (RawWebSocket socket = RawWebSocket.connect(server.port(), WEBSOCKET)) {
      readOpen(socket);

      try {
        socket.sendText("4" + "x".repeat(2_000));
      } catch (SocketException e) {
        // Expected too: the server can refuse the frame from its header alone and close the
        // connection while the rest is still being written.
        assertThat(e.getMessage()).containsAnyOf("Broken pipe", "Connection reset");
      }

      assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.TRANSPORT_ERROR);
      socket.readUntilClosed();
    }
  }

  @Test
  void aClientThatNeverPongsTimesOut() throws Exception {
    restart(EngineIoOptions.defaults().withPingInterval(50).withPingTimeout(50));
    try (RawWebSocket socket = RawWebSocket.connect(server.port(), WEBSOCKET)) {
      readOpen(socket);

      assertThat(socket.read().text()).isEqualTo("2");

      assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.PING_TIMEOUT);
      assertThat(socket.readUntilClosed().opcode()).isEqualTo(RawWebSocket.CLOSE);
    }
  }

  @Test
  void clientCloseEndsTheSession() throws Exception {
    try (RawWebSocket socket = RawWebSocket.connect(server.port(), WEBSOCKET)) {
      readOpen(socket);

      socket.sendText("1");

      assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.TRANSPORT_CLOSE);
      socket.readUntilClosed();
    }
    assertThat(server.engine.sessionCount()).isZero();
  }

  @Test
  void aSlowReaderIsDisconnectedWhileOthersAreServed() throws Exception {
    assertSlowReaderIsDisconnectedWhileOthersAreServed(
        EngineIoOptions.defaults().withMaxOutboundBytes(64 * 1024));
  }

  /** Far below its own limit, a slow reader still goes once the server's budget is spent. */
  @Test
  void aSlowReaderOverTheServersOutboundBudgetIsDisconnected() throws Exception {
    assertSlowReaderIsDisconnectedWhileOthersAreServed(
        EngineIoOptions.defaults()
            .withMaxOutboundBytes(Long.MAX_VALUE)
            .withMaxTotalOutboundBytes(64 * 1024));
  }

  private void assertSlowReaderIsDisconnectedWhileOthersAreServed(EngineIoOptions options)
      throws Exception {
    restart(options);
    try (RawWebSocket slow = RawWebSocket.connect(server.port(), WEBSOCKET, 4096);
        RawWebSocket fast = RawWebSocket.connect(server.port(), WEBSOCKET)) {
      String slowId = readOpen(slow).get("sid").asText();
      readOpen(fast);
      // The two sessions may open on different event loops, in either order: pick by id.
      EngineIoSocket first = server.listener.nextOpened();
      EngineIoSocket second = server.listener.nextOpened();
      EngineIoSocket slowSession = first.id().equals(slowId) ? first : second;
      assertThat(slowSession.id()).isEqualTo(slowId);
      String chunk = "x".repeat(16 * 1024);

      // Far more than loopback's socket buffers can hold, so the server must give up;
      // a well-behaved sender would stop when isWritable() turns false, this one does not.
      for (int i = 0; i < 4_000; i++) {
        slowSession.send(chunk);
      }

      assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.TRANSPORT_ERROR);
      fast.sendText("4served");
      assertThat(fast.read().text()).isEqualTo("4served");
    }
  }

  /** Fragmented messages are rare; the first one makes the connection put them back together. */
  @Test
  void fragmentedMessagesArriveWholeAndWholeOnesStillPassAfterThem() throws Exception {
    try (RawWebSocket socket = RawWebSocket.connect(server.port(), WEBSOCKET)) {
      readOpen(socket);

      socket.send(RawWebSocket.TEXT, "4hel".getBytes(StandardCharsets.UTF_8), false);
      socket.send(RawWebSocket.CONTINUATION, "lo, ".getBytes(StandardCharsets.UTF_8), false);
      socket.send(RawWebSocket.CONTINUATION, "class".getBytes(StandardCharsets.UTF_8), true);
      socket.sendText("4whole");
      socket.send(RawWebSocket.BINARY, new byte[] {1, 2}, false);
      socket.send(RawWebSocket.CONTINUATION, new byte[] {3}, true);

      assertThat(socket.read().text()).isEqualTo("4hello, class");
      assertThat(socket.read().text()).isEqualTo("4whole");
      assertThat(socket.read().payload()).containsExactly(1, 2, 3);
    }
  }

  @Test
  void aFragmentedMessageOverMaxPayloadClosesOnlyThatConnection() throws Exception {
    int limit = EngineIoOptions.defaults().maxPayload();
    try (RawWebSocket greedy = RawWebSocket.connect(server.port(), WEBSOCKET);
        RawWebSocket polite = RawWebSocket.connect(server.port(), WEBSOCKET)) {
      readOpen(greedy);
      readOpen(polite);

      greedy.send(
          RawWebSocket.TEXT, ("4" + "x".repeat(limit / 2)).getBytes(StandardCharsets.UTF_8), false);
      greedy.send(
          RawWebSocket.CONTINUATION,
          "y".repeat(limit / 2 + 10).getBytes(StandardCharsets.UTF_8),
          true);

      assertThat(greedy.readUntilClosed().opcode()).isEqualTo(RawWebSocket.CLOSE);
      polite.sendText("4still here");
      assertThat(polite.read().text()).isEqualTo("4still here");
    }
  }
}
