package dev.wirelab.chat.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The official npm engine.io-client against our server: every transport, both ways. */
class EngineIoClientTest {
  private static final long PING_INTERVAL = 100;

  /**
   * A ping every 100 ms keeps the heartbeat test short; the client may wait 5 s for one, so a slow
   * JVM (under libfaketime, 2 s were not enough while it sent a 1 MB message) is not a dead server.
   */
  private static final long PING_TIMEOUT = 5_000;

  private static EchoServer server;

  @BeforeAll
  static void start() {
    server =
        new EchoServer(
            EngineIoOptions.defaults()
                .withPingInterval(PING_INTERVAL)
                .withPingTimeout(PING_TIMEOUT));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void echoesTextAndBinary(String transport) throws Exception {
    List<JsonNode> lines = NodePeer.run("echo-" + transport, server.port(), "");

    assertThat(lines)
        .extracting(line -> line.get("event").asText())
        .containsExactly("open", "message", "message", "close");
    assertThat(lines.get(0).get("transport").asText()).isEqualTo(transport);
    assertThat(lines.get(1).get("text").asText()).isEqualTo("héllo ☃");
    assertThat(lines.get(2).get("binary").toString()).isEqualTo("[1,2,3,255]");
    assertThat(lines.get(3).get("reason").asText()).isEqualTo("forced close");
    assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.TRANSPORT_CLOSE);
  }

  @Test
  void upgradesFromPollingToWebSocket() throws Exception {
    List<JsonNode> lines = NodePeer.run("upgrade", server.port(), "");

    assertThat(lines)
        .extracting(line -> line.get("event").asText())
        .containsExactly("open", "upgrade", "message", "close");
    assertThat(lines.get(0).get("transport").asText()).isEqualTo("polling");
    assertThat(lines.get(1).get("transport").asText()).isEqualTo("websocket");
    assertThat(lines.get(2).get("text").asText()).isEqualTo("after upgrade");
    assertThat(lines.get(2).get("transport").asText()).isEqualTo("websocket");
    assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.TRANSPORT_CLOSE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void carriesAMessageNearMaxPayload(String transport) throws Exception {
    int size = EngineIoOptions.defaults().maxPayload() - 100;

    List<JsonNode> lines = NodePeer.run("large-" + transport, server.port(), size);

    assertThat(lines).as("what the client saw").hasSizeGreaterThan(0);
    assertThat(lines.get(0).get("event").asText()).as(lines.toString()).isEqualTo("message");
    assertThat(lines.get(0).get("length").asInt()).isEqualTo(size);
    assertThat(lines.get(0).get("intact").asBoolean()).isTrue();
    assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.TRANSPORT_CLOSE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void heartbeatKeepsAnIdleSessionOpen(String transport) throws Exception {
    List<JsonNode> lines = NodePeer.run("idle-" + transport, server.port(), PING_INTERVAL * 8);

    JsonNode idle = lines.get(0);
    assertThat(idle.get("event").asText()).isEqualTo("idle");
    assertThat(idle.get("state").asText()).isEqualTo("open");
    assertThat(idle.get("pings").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.TRANSPORT_CLOSE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void aVanishedClientFreesItsSession(String transport) throws Exception {
    try (NodePeer peer = NodePeer.start("hang-" + transport, server.port(), "")) {
      JsonNode open = peer.next();
      assertThat(open.get("transport").asText()).isEqualTo(transport);
      assertThat(server.listener.nextOpened().id()).isEqualTo(open.get("sid").asText());
    }

    // A pending GET or the WebSocket notices at once; a poller killed between two requests is
    // noticed by the heartbeat.
    assertThat(server.listener.nextCloseReason())
        .isIn(CloseReason.TRANSPORT_CLOSE, CloseReason.TRANSPORT_ERROR, CloseReason.PING_TIMEOUT);
    assertThat(server.engine.sessionCount()).isZero();
  }
}
