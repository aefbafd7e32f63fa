package dev.wirelab.chat.lb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.chat.engineio.EngineIoOptions;
import dev.wirelab.chat.fixture.ProtocolFixture;
import dev.wirelab.chat.node.JsonLines;
import dev.wirelab.chat.node.NodeScript;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Socket.IO nodes behind {@link LoadBalancer}, and the official socket.io-client through it: a
 * polling client's every request must reach the node that holds its session.
 */
class StickySessionsTest {
  private static final long SCRIPT_SECONDS = 240;

  private ProtocolFixture nodeA;
  private ProtocolFixture nodeB;

  @BeforeEach
  void startNodes() {
    nodeA =
        ProtocolFixture.start("127.0.0.1", 0, null, EngineIoOptions.defaults().withNodeTag("aaaa"));
    nodeB =
        ProtocolFixture.start("127.0.0.1", 0, null, EngineIoOptions.defaults().withNodeTag("bbbb"));
  }

  @AfterEach
  void stopNodes() {
    nodeA.close();
    if (nodeB != null) {
      nodeB.close();
    }
  }

  @Test
  void aThousandPollingClientsAllKeepTheirSessions() throws Exception {
    try (LoadBalancer lb = balancer("aaaa", nodeA, "bbbb", nodeB)) {
      JsonNode r = clients(lb, 1_000, 25, "[\"polling\"]");

      assertThat(r.path("failures")).as(r.toString()).isEmpty();
      assertThat(r.path("connected").asInt()).isEqualTo(1_000);
      assertThat(r.path("acked").asInt()).isEqualTo(1_000);
      // New sessions go to the nodes in turn.
      assertThat(r.at("/byTag/aaaa").asInt()).isEqualTo(500);
      assertThat(r.at("/byTag/bbbb").asInt()).isEqualTo(500);
    }
  }

  @Test
  void clientsUpgradeToWebSocketThroughTheBalancer() throws Exception {
    try (LoadBalancer lb = balancer("aaaa", nodeA, "bbbb", nodeB)) {
      JsonNode r = clients(lb, 40, 10, "[\"polling\",\"websocket\"]");

      assertThat(r.path("failures")).as(r.toString()).isEmpty();
      assertThat(r.at("/transports/websocket").asInt()).isEqualTo(40);
    }
  }

  /** The check above can fail: a balancer that sends sessions to the wrong node loses them all. */
  @Test
  void tagsPointingAtTheWrongNodesLoseEverySession() throws Exception {
    try (LoadBalancer lb = balancer("aaaa", nodeB, "bbbb", nodeA)) {
      JsonNode r = clients(lb, 20, 5, "[\"polling\"]");

      assertThat(r.path("connected").asInt()).isZero();
      assertThat(r.path("failureCount").asInt()).isEqualTo(20);
      assertThat(r.path("failures").get(0).asText()).as(r.toString()).contains("connect_error");
    }
  }

  @Test
  void aSessionIdOfNoKnownNodeGetsEngineIosUnknownSessionAnswer() throws Exception {
    try (LoadBalancer lb = balancer("aaaa", nodeA, "bbbb", nodeB)) {
      HttpResponse<String> response =
          get(lb, "/socket.io/?EIO=4&transport=polling&sid=zzzzAAAAAAAAAAAAAAAA");

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
    }
  }

  @Test
  void aNodeThatIsDownGetsBadGatewayAndTheOthersStillServe() throws Exception {
    int port = nodeB.port();
    nodeB.close();
    nodeB = null;
    try (LoadBalancer lb =
        LoadBalancer.start(
            "127.0.0.1", 0, List.of("aaaa=127.0.0.1:" + nodeA.port(), "bbbb=127.0.0.1:" + port))) {
      String handshake = "/socket.io/?EIO=4&transport=polling";
      List<Integer> statuses =
          List.of(get(lb, handshake).statusCode(), get(lb, handshake).statusCode());

      assertThat(statuses).containsExactlyInAnyOrder(200, 502);
    }
  }

  private static LoadBalancer balancer(
      String firstTag, ProtocolFixture first, String secondTag, ProtocolFixture second)
      throws InterruptedException {
    return LoadBalancer.start(
        "127.0.0.1",
        0,
        List.of(
            firstTag + "=127.0.0.1:" + first.port(), secondTag + "=127.0.0.1:" + second.port()));
  }

  private static JsonNode clients(LoadBalancer lb, int count, int atOnce, String transports)
      throws Exception {
    Process node =
        NodeScript.start(
            "socketio",
            "socket.io-client",
            "sticky.mjs",
            "http://127.0.0.1:" + lb.port(),
            String.valueOf(count),
            String.valueOf(atOnce),
            transports);
    try {
      JsonLines lines = new JsonLines(node, "sticky.mjs", SCRIPT_SECONDS);
      JsonNode result = lines.next();
      assertThat(node.waitFor(SCRIPT_SECONDS, TimeUnit.SECONDS)).isTrue();
      assertThat(lines.rest()).isEmpty();
      return result;
    } finally {
      node.destroyForcibly();
      node.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static HttpResponse<String> get(LoadBalancer lb, String path) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lb.port() + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
