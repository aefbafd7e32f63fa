package dev.wirelab.chat.socketio.cluster;

import static dev.wirelab.chat.socketio.cluster.PeerLines.isEvent;
import static dev.wirelab.chat.socketio.cluster.PeerLines.payloadOf;
import static dev.wirelab.chat.socketio.cluster.PeerLines.texts;
import static dev.wirelab.chat.socketio.cluster.PeerLines.unsigned;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.chat.engineio.EngineIoOptions;
import dev.wirelab.chat.fixture.ProtocolFixture;
import dev.wirelab.chat.socketio.Namespace;
import dev.wirelab.chat.socketio.RemoteSocket;
import dev.wirelab.chat.socketio.cluster.redis.RedisAdapterFactory;
import dev.wirelab.chat.socketio.cluster.redis.RedisAdapterOptions;
import dev.wirelab.chat.socketio.protocol.Json;
import dev.wirelab.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two Wirelab nodes (the protocol fixture on {@link RedisAdapterFactory}) and one Node.js socket.io
 * 4.8 node on {@code @socket.io/redis-adapter} 8.3 share a real redis-server; the clients are the
 * official socket.io-client, two per node, all in {@code room-a}, the second of each also in {@code
 * muted}. Every cluster operation is checked in both directions, and from the official
 * {@code @socket.io/redis-emitter}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RedisAdapterInteropTest {
  private static final List<String> NODES = List.of("A", "B", "N");
  private static final List<String> CLIENTS = List.of("a1", "a2", "b1", "b2", "n1", "n2");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static RedisServerProcess redis;
  private static final List<RedisAdapterFactory> adapters = new ArrayList<>();
  private static final Map<String, ProtocolFixture> javaNodes = new HashMap<>();
  private static NodeClusterPeer node;
  private static final Map<String, String> ids = new HashMap<>();

  @BeforeAll
  static void startTheCluster() throws Exception {
    redis = RedisServerProcess.start();
    for (String name : List.of("A", "B")) {
      RedisAdapterFactory factory =
          RedisAdapterFactory.connect(
              redis.url(),
              RedisAdapterOptions.defaults().withRequestsTimeout(Duration.ofSeconds(3)));
      adapters.add(factory);
      ProtocolFixture fixture =
          ProtocolFixture.start("127.0.0.1", 0, factory, EngineIoOptions.defaults());
      Namespace io = fixture.io().mainNamespace();
      io.onConnection(
          socket -> {
            socket.data().put("name", socket.handshake().auth().path("name").asText());
            socket.data().put("node", name);
          });
      io.onServerSideEmit("hello", (args, reply) -> reply.accept(name + ":" + args.text(0)));
      javaNodes.put(name, fixture);
    }
    node = NodeClusterPeer.start(redis.url(), "pubsub");
    for (String client : CLIENTS) {
      ids.put(
          client,
          node.client(client, urlOf(client.substring(0, 1).toUpperCase(java.util.Locale.ROOT))));
      node.call("clientEmitWithAck", "client", client, "name", "join", "args", List.of("room-a"));
      if (client.endsWith("2")) {
        node.call("clientEmitWithAck", "client", client, "name", "join", "args", List.of("muted"));
      }
    }
  }

  @AfterAll
  static void stopTheCluster() throws Exception {
    if (node != null) {
      node.close();
    }
    javaNodes.values().forEach(ProtocolFixture::close);
    adapters.forEach(RedisAdapterFactory::close);
    if (redis != null) {
      redis.close();
    }
  }

  private static String urlOf(String nodeName) {
    return nodeName.equals("N") ? node.url() : "http://127.0.0.1:" + javaNodes.get(nodeName).port();
  }

  private static Namespace io(String nodeName) {
    return javaNodes.get(nodeName).io().mainNamespace();
  }

  /** Test 1 of issue 16. */
  @Test
  void everyNodesBroadcastsReachEveryClientOnceWithExceptAndBytesIntact() throws Exception {
    for (String from : List.of("A", "B")) {
      io(from).to("room-a").emit("t1", from);
      io(from).to("room-a").except("muted").emit("t2", from);
      io(from).to("room-a").emit("bin", payloadOf(from), from);
      io(from).to("room-a").emit("end", from);
    }
    node.call("emit", "name", "t1", "args", List.of("N"), "rooms", List.of("room-a"));
    node.call(
        "emit",
        "name",
        "t2",
        "args",
        List.of("N"),
        "rooms",
        List.of("room-a"),
        "except",
        List.of("muted"));
    node.call(
        "emit",
        "name",
        "bin",
        "args",
        List.of(Map.of("$bytes", unsigned(payloadOf("N"))), "N"),
        "rooms",
        List.of("room-a"));
    node.call("emit", "name", "end", "args", List.of("N"), "rooms", List.of("room-a"));

    for (String client : CLIENTS) {
      for (String from : NODES) {
        node.await(
            line -> isEvent(line, client, "end") && line.at("/args/0").asText().equals(from));
      }
    }
    for (String client : CLIENTS) {
      boolean muted = client.endsWith("2");
      assertThat(senders(client, "t1"))
          .as("t1 at " + client)
          .containsExactlyInAnyOrderElementsOf(NODES);
      assertThat(senders(client, "t2"))
          .as("t2 (except muted) at " + client)
          .containsExactlyInAnyOrderElementsOf(muted ? List.of() : NODES);
      List<JsonNode> binaries = node.received(client, "bin");
      assertThat(binaries).as("binary events at " + client).hasSize(3);
      for (JsonNode binary : binaries) {
        String from = binary.at("/args/1").asText();
        assertThat(Json.MAPPER.convertValue(binary.at("/args/0/$bytes"), int[].class))
            .as("bytes from " + from + " at " + client)
            .containsExactly(unsigned(payloadOf(from)).stream().mapToInt(i -> i).toArray());
      }
    }
  }

  /** The fixture's handlers (broadcast, to-room, fetch, server-count) behave as the Node peer's. */
  @Test
  void theFixtureHandlersWorkTheSameOnEveryNode() throws Exception {
    node.call("clientEmit", "client", "a1", "name", "to-room", "args", List.of("muted", "via-A"));
    node.call("clientEmit", "client", "n1", "name", "to-room", "args", List.of("muted", "via-N"));
    for (String client : List.of("a2", "b2", "n2")) {
      node.await(
          line -> isEvent(line, client, "to-room") && line.at("/args/0").asText().equals("via-A"));
      node.await(
          line -> isEvent(line, client, "to-room") && line.at("/args/0").asText().equals("via-N"));
    }
    node.call("clientEmit", "client", "b1", "name", "broadcast", "args", List.of("all", 1));
    for (String client : CLIENTS) {
      node.await(line -> isEvent(line, client, "broadcast"));
    }
    for (String client : List.of("a1", "b1", "n1")) {
      JsonNode count = node.call("clientEmitWithAck", "client", client, "name", "server-count");
      assertThat(count.asInt()).as("server-count asked through " + client).isEqualTo(3);
      JsonNode fetched = node.call("clientEmitWithAck", "client", client, "name", "fetch");
      assertThat(texts(fetched))
          .as("fetch asked through " + client)
          .containsAll(CLIENTS.stream().map(ids::get).toList());
    }
    assertThat(node.received("a2", "to-room")).hasSize(2);
    assertThat(node.received("a1", "to-room")).isEmpty();
  }

  /** Test 2 of issue 16, fetchSockets and remote emits. */
  @Test
  void fetchSocketsFromJavaAndFromNodeDescribeEverySocketAndTheirEmitsArrive() throws Exception {
    List<RemoteSocket> found =
        io("A").in("room-a").fetchClusterSockets().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(found)
        .extracting(RemoteSocket::id)
        .containsExactlyInAnyOrderElementsOf(CLIENTS.stream().map(ids::get).toList());
    for (RemoteSocket socket : found) {
      String client = clientOf(socket.id());
      assertThat(socket.rooms()).as("rooms of " + client).contains("room-a", socket.id());
      assertThat(socket.rooms().contains("muted")).isEqualTo(client.endsWith("2"));
      assertThat(socket.data().path("name").asText()).isEqualTo(client);
      assertThat(socket.handshake().at("/auth/name").asText()).isEqualTo(client);
      assertThat(socket.handshake().path("address").asText()).contains("127.0.0.1");
      assertThat(socket.handshake().path("query").path("EIO").asText()).isEqualTo("4");
    }

    JsonNode fromNode = node.call("fetch", "rooms", List.of("room-a"));
    assertThat(fromNode).hasSize(CLIENTS.size());
    for (JsonNode socket : fromNode) {
      String client = clientOf(socket.path("id").asText());
      assertThat(texts(socket.path("rooms"))).contains("room-a", socket.path("id").asText());
      assertThat(socket.at("/data/name").asText()).isEqualTo(client);
      assertThat(socket.at("/handshake/auth/name").asText()).isEqualTo(client);
      assertThat(socket.at("/handshake/address").asText()).contains("127.0.0.1");
    }

    found.stream()
        .filter(socket -> socket.id().equals(ids.get("n1")))
        .findFirst()
        .orElseThrow()
        .emit("direct", "from-A");
    assertThat(node.awaitEvent("n1", "direct").at("/args/0").asText()).isEqualTo("from-A");
    JsonNode kind =
        node.call(
            "remoteEmit", "socketId", ids.get("b1"), "name", "direct", "args", List.of("from-N"));
    assertThat(kind.asText()).isEqualTo("RemoteSocket");
    assertThat(node.awaitEvent("b1", "direct").at("/args/0").asText()).isEqualTo("from-N");
  }

  /** Test 2 of issue 16: socketsJoin, socketsLeave, disconnectSockets both ways and by emitter. */
  @Test
  void socketsJoinLeaveAndDisconnectWorkFromJavaFromNodeAndFromTheEmitter() throws Exception {
    io("A").in("room-a").socketsJoin("j-java");
    node.call("socketsJoin", "room", "j-node", "rooms", List.of("room-a"));
    node.call("emitterSocketsJoin", "room", "j-emitter", "rooms", List.of("room-a"));
    everyNodeHasRead();
    assertThat(node.call("fetch", "rooms", List.of("j-java"))).hasSize(CLIENTS.size());
    assertThat(fetchFromB("j-node")).hasSize(CLIENTS.size());
    assertThat(fetchFromB("j-emitter")).hasSize(CLIENTS.size());
    node.call(
        "emitterEmit", "name", "from-emitter", "args", List.of("e"), "rooms", List.of("j-emitter"));
    for (String client : CLIENTS) {
      node.awaitEvent(client, "from-emitter");
    }

    io("B").in("room-a").socketsLeave("j-node");
    node.call("socketsLeave", "room", "j-java", "rooms", List.of("room-a"));
    node.call("emitterSocketsLeave", "room", "j-emitter", "rooms", List.of("room-a"));
    everyNodeHasRead();
    assertThat(node.call("fetch", "rooms", List.of("j-node"))).isEmpty();
    assertThat(fetchFromB("j-java")).isEmpty();
    assertThat(fetchFromB("j-emitter")).isEmpty();

    Map<String, String> kicked =
        Map.of("k-n", "kick-by-java", "k-a", "kick-by-node", "k-b", "kick-by-emitter");
    for (Map.Entry<String, String> entry : kicked.entrySet()) {
      String client = entry.getKey();
      ids.put(
          client,
          node.client(client, urlOf(client.substring(2).toUpperCase(java.util.Locale.ROOT))));
      node.call(
          "clientEmitWithAck", "client", client, "name", "join", "args", List.of(entry.getValue()));
    }
    io("A").in("kick-by-java").disconnectSockets(false);
    node.call("disconnectSockets", "close", false, "rooms", List.of("kick-by-node"));
    node.call("emitterDisconnectSockets", "close", false, "rooms", List.of("kick-by-emitter"));
    for (String client : kicked.keySet()) {
      JsonNode gone =
          node.await(
              line ->
                  "disconnect".equals(line.path("event").asText())
                      && client.equals(line.path("client").asText()));
      assertThat(gone.path("reason").asText()).as(client).isEqualTo("io server disconnect");
    }
    assertThat(
            node.all(
                line ->
                    "disconnect".equals(line.path("event").asText())
                        && CLIENTS.contains(line.path("client").asText())))
        .as("nobody else left")
        .isEmpty();
  }

  /** Test 3 of issue 16. */
  @Test
  void serverSideEmitWithAckAndBroadcastWithAckCollectEveryAnswer() throws Exception {
    List<JsonNode> answers =
        io("A").serverSideEmitWithAck("hello", WAIT, "A").get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(answers).extracting(JsonNode::asText).containsExactlyInAnyOrder("B:A", "N:A");
    assertThat(texts(node.call("serverSideEmitWithAck", "name", "hello", "args", List.of("N"))))
        .containsExactlyInAnyOrder("A:N", "B:N");

    List<JsonNode> acks =
        io("B")
            .to("room-a")
            .timeout(Duration.ofSeconds(5))
            .emitWithAck("ask", "from-B")
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(acks)
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrderElementsOf(CLIENTS.stream().map(c -> "ack:" + c).toList());
    assertThat(
            texts(
                node.call(
                    "emitWithAck",
                    "name",
                    "ask",
                    "args",
                    List.of("from-N"),
                    "rooms",
                    List.of("room-a"))))
        .containsExactlyInAnyOrderElementsOf(CLIENTS.stream().map(c -> "ack:" + c).toList());
    assertThat(io("A").serverCount().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
  }

  /**
   * Returns once every node has read what was published before, so that a fetch sees the joins and
   * leaves it follows: socketsJoin and socketsLeave are not acknowledged (nor are they in Node),
   * and a fetch answers its own node's part at once, possibly before that node has read a join
   * another node published. A request's answers reach the requester on its one subscription after
   * everything Redis had sent it earlier, and each answerer publishes its answer after what it
   * published before; so after a round of requests from each node, each node has read them all.
   */
  private static void everyNodeHasRead() throws Exception {
    for (String name : List.of("A", "B")) {
      io(name).serverSideEmitWithAck("hello", WAIT, "sync").get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
    node.call("serverSideEmitWithAck", "name", "hello", "args", List.of("sync"));
  }

  private static List<RemoteSocket> fetchFromB(String room) throws Exception {
    return io("B").in(room).fetchClusterSockets().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static List<String> senders(String client, String name) {
    return node.received(client, name).stream().map(line -> line.at("/args/0").asText()).toList();
  }

  private static String clientOf(String socketId) {
    return ids.entrySet().stream()
        .filter(entry -> entry.getValue().equals(socketId))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError("socket " + socketId + " is none of the test's clients " + ids));
  }
}
