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
import dev.wirelab.chat.socketio.cluster.redis.RedisConnections;
import dev.wirelab.chat.socketio.cluster.redis.RedisStreamsAdapterFactory;
import dev.wirelab.chat.socketio.cluster.redis.RedisStreamsAdapterOptions;
import dev.wirelab.chat.socketio.protocol.Json;
import dev.wirelab.chat.socketio.recovery.RecoveryOptions;
import dev.wirelab.testkit.RedisServerProcess;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two Wirelab nodes (the protocol fixture on {@link RedisStreamsAdapterFactory}, recovery on) and
 * one Node.js socket.io 4.8 node on {@code @socket.io/redis-streams-adapter} 0.3.1 share a real
 * redis-server; the clients are the official socket.io-client. Broadcasts cross every way with
 * their bytes and one offset (the stream entry id) that every node gives the same packet, and a
 * client that lost its connection to one node recovers on another: same id, every missed packet
 * once, in stream order (issue 16, tests 1 and 4, streams).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RedisStreamsAdapterInteropTest {
  private static final List<String> NODES = List.of("A", "B", "N");
  private static final List<String> CLIENTS = List.of("a1", "b1", "n1");
  private static final String WATCHER = "watcher";
  private static final long WAIT_SECONDS = 10;

  private static RedisServerProcess redis;
  private static final List<RedisStreamsAdapterFactory> adapters = new ArrayList<>();
  private static final Map<String, ProtocolFixture> javaNodes = new HashMap<>();
  private static final Map<String, BlockingQueue<String>> closedOn = new HashMap<>();
  private static NodeClusterPeer node;
  private static final Map<String, String> ids = new HashMap<>();

  @BeforeAll
  static void startTheCluster() throws Exception {
    redis = RedisServerProcess.start();
    for (String name : List.of("A", "B")) {
      RedisStreamsAdapterFactory factory =
          RedisStreamsAdapterFactory.connect(
              redis.url(),
              RedisStreamsAdapterOptions.defaults().withRequestsTimeout(Duration.ofSeconds(3)));
      adapters.add(factory);
      ProtocolFixture fixture =
          ProtocolFixture.start(
              "127.0.0.1",
              0,
              factory,
              EngineIoOptions.defaults(),
              RecoveryOptions.defaults().withMaxDisconnectionDuration(Duration.ofSeconds(60)));
      BlockingQueue<String> closed = new LinkedBlockingQueue<>();
      closedOn.put(name, closed);
      // Disconnect listeners run after the socket's session was handed to the adapter.
      fixture
          .io()
          .mainNamespace()
          .onConnection(socket -> socket.onDisconnect(reason -> closed.add(socket.id())));
      fixture
          .io()
          .mainNamespace()
          .onServerSideEmit("hello", (args, reply) -> reply.accept(name + ":" + args.text(0)));
      javaNodes.put(name, fixture);
    }
    node = NodeClusterPeer.start(redis.url(), "streams");
    for (String client : CLIENTS) {
      ids.put(client, node.client(client, urlOf(client.substring(0, 1))));
      joinRoom(client, "room-s");
    }
    node.client(WATCHER, urlOf("B"));
  }

  @AfterAll
  static void stopTheCluster() {
    if (node != null) {
      node.close();
    }
    javaNodes.values().forEach(ProtocolFixture::close);
    adapters.forEach(RedisStreamsAdapterFactory::close);
    if (redis != null) {
      redis.close();
    }
  }

  private static String urlOf(String nodeName) {
    return nodeName.equalsIgnoreCase("N")
        ? node.url()
        : "http://127.0.0.1:" + javaNodes.get(nodeName.toUpperCase(java.util.Locale.ROOT)).port();
  }

  private static Namespace io(String nodeName) {
    return javaNodes.get(nodeName).io().mainNamespace();
  }

  private static void joinRoom(String client, String room) throws InterruptedException {
    node.call("clientEmitWithAck", "client", client, "name", "join", "args", List.of(room));
  }

  /** Emits {@code [name, ...args]} to {@code room} from node {@code from}. */
  private static void emitFrom(String from, String room, String name, Object... args)
      throws InterruptedException {
    if (from.equals("N")) {
      node.call("emit", "name", name, "args", Arrays.asList(args), "rooms", List.of(room));
    } else {
      io(from).to(room).emit(name, args);
    }
  }

  /** Test 1 of issue 16 on the streams adapter. */
  @Test
  void broadcastsFromEveryNodeReachEveryClientOnceWithTheSameOffsetEverywhere() throws Exception {
    for (String from : NODES) {
      emitFrom(from, "room-s", "t1", from);
      Object bytes =
          from.equals("N") ? Map.of("$bytes", unsigned(payloadOf("N"))) : payloadOf(from);
      emitFrom(from, "room-s", "bin", bytes, from);
    }
    for (String client : CLIENTS) {
      for (String from : NODES) {
        node.await(
            line -> isEvent(line, client, "bin") && line.at("/args/1").asText().equals(from));
      }
    }
    Map<String, String> offsets = new HashMap<>();
    for (String client : CLIENTS) {
      assertThat(node.received(client, "t1"))
          .as("t1 at " + client)
          .extracting(line -> line.at("/args/0").asText())
          .containsExactlyInAnyOrderElementsOf(NODES);
      List<JsonNode> binaries = node.received(client, "bin");
      assertThat(binaries).as("binary events at " + client).hasSize(3);
      for (JsonNode binary : binaries) {
        String from = binary.at("/args/1").asText();
        assertThat(Json.MAPPER.convertValue(binary.at("/args/0/$bytes"), int[].class))
            .as("bytes from " + from + " at " + client)
            .containsExactly(unsigned(payloadOf(from)).stream().mapToInt(i -> i).toArray());
      }
      for (JsonNode event :
          node.all(line -> isEvent(line, client, "t1") || isEvent(line, client, "bin"))) {
        String offset = event.at("/args/" + (event.path("args").size() - 1)).asText();
        assertThat(offset).as("offset of " + event).matches("[0-9]+-[0-9]+");
        String packet =
            event.path("name").asText()
                + " from "
                + event.path("args").get(event.path("name").asText().equals("t1") ? 0 : 1).asText();
        assertThat(offsets.putIfAbsent(packet, offset))
            .as("the offset of " + packet + " at " + client + " is the one the others got")
            .isIn(null, offset);
      }
    }
    for (String client : CLIENTS) {
      assertThat(node.call("clientEmitWithAck", "client", client, "name", "server-count").asInt())
          .as("server-count asked through " + client)
          .isEqualTo(3);
      assertThat(texts(node.call("clientEmitWithAck", "client", client, "name", "fetch")))
          .as("fetch asked through " + client)
          .containsAll(ids.values());
    }
  }

  /** Test 3 of issue 16 on the streams adapter: requests and acks travel on pub/sub. */
  @Test
  void serverSideEmitWithAckAndBroadcastWithAckCollectEveryAnswer() throws Exception {
    assertThat(
            io("A")
                .serverSideEmitWithAck("hello", Duration.ofSeconds(WAIT_SECONDS), "A")
                .get(WAIT_SECONDS, TimeUnit.SECONDS))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("B:A", "N:A");
    assertThat(texts(node.call("serverSideEmitWithAck", "name", "hello", "args", List.of("N"))))
        .containsExactlyInAnyOrder("A:N", "B:N");
    List<String> everyAck = CLIENTS.stream().map(client -> "ack:" + client).toList();
    assertThat(
            io("B")
                .to("room-s")
                .timeout(Duration.ofSeconds(5))
                .emitWithAck("ask", "from-B")
                .get(WAIT_SECONDS, TimeUnit.SECONDS))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrderElementsOf(everyAck);
    assertThat(
            texts(
                node.call(
                    "emitWithAck",
                    "name",
                    "ask",
                    "args",
                    List.of("from-N"),
                    "rooms",
                    List.of("room-s"))))
        .containsExactlyInAnyOrderElementsOf(everyAck);
  }

  /**
   * The entry a Wirelab node appends is, but for the uid, the one the Node node appends for the
   * same broadcast: JSON data, and base64 msgpack data when the packet carries bytes.
   */
  @Test
  void wirelabAndNodeWriteTheSameStreamEntryForTheSameBroadcast() throws Exception {
    joinRoom(WATCHER, "room-twin");
    Object[] plain = {"text", 1, 2.5, true, null, Map.of("k", List.of(1, 2))};
    for (String from : List.of("A", "N")) {
      Object bytes = from.equals("N") ? Map.of("$bytes", unsigned(payloadOf("X"))) : payloadOf("X");
      List<JsonNode> before = node.all(line -> isEvent(line, WATCHER, "twin-bin"));
      emitFrom(from, "room-twin", "twin", plain);
      emitFrom(from, "room-twin", "twin-bin", "bytes", bytes);
      node.await(line -> isEvent(line, WATCHER, "twin-bin") && !before.contains(line));
    }
    ClientResources resources = RedisConnections.smallResources();
    RedisClient client = RedisClient.create(resources, redis.url());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      List<StreamMessage<String, String>> entries =
          connection.sync().xrange("socket.io", Range.create("-", "+"));
      for (String event : List.of("twin", "twin-bin")) {
        List<Map<String, String>> twins =
            entries.stream()
                .map(StreamMessage::getBody)
                .filter(fields -> event.equals(eventOf(fields.get("data"))))
                .toList();
        assertThat(twins).as("the entries of " + event + ": A's, then N's").hasSize(2);
        Map<String, String> java = twins.get(0);
        Map<String, String> nodes = twins.get(1);
        assertThat(java.keySet())
            .as("fields, in order")
            .containsExactly("uid", "nsp", "type", "data");
        assertThat(nodes.keySet()).containsExactly("uid", "nsp", "type", "data");
        assertThat(java.get("uid")).matches("[0-9a-f]{16}").isNotEqualTo(nodes.get("uid"));
        assertThat(java.get("nsp")).isEqualTo(nodes.get("nsp")).isEqualTo("/");
        assertThat(java.get("type")).isEqualTo(nodes.get("type")).isEqualTo("3");
        assertThat(java.get("data")).as("data of " + event).isEqualTo(nodes.get("data"));
      }
    } finally {
      RedisConnections.shutDown(client, resources);
    }
  }

  /** The event name of an entry's data (JSON or base64 msgpack), null when it has none. */
  private static String eventOf(String data) {
    if (data == null) {
      return null;
    }
    try {
      JsonNode tree =
          data.startsWith("{")
              ? Json.MAPPER.readTree(data)
              : MsgPack.decode(Base64.getDecoder().decode(data));
      return tree.at("/packet/data/0").isTextual() ? tree.at("/packet/data/0").asText() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Test 4 of issue 16: from a Wirelab node to the Node node. */
  @Test
  void aClientOfWirelabRecoversOnTheNodeNode() throws Exception {
    recoversElsewhere("moved-a-n", "A", "N");
  }

  /** Test 4 of issue 16, the reverse: from the Node node to a Wirelab node. */
  @Test
  void aClientOfTheNodeNodeRecoversOnWirelab() throws Exception {
    recoversElsewhere("moved-n-b", "N", "B");
  }

  /** And between two Wirelab nodes. */
  @Test
  void aClientRecoversOnTheOtherWirelabNode() throws Exception {
    recoversElsewhere("moved-b-a", "B", "A");
  }

  /**
   * Test 5 of issue 16: the owning Wirelab node is killed (SIGKILL: it persists nothing on the way
   * out) and the client recovers on another Wirelab node, from the session stored while it was
   * connected.
   */
  @Test
  void aClientOfAKilledWirelabNodeRecoversOnAnother() throws Exception {
    String client = "orphan";
    String room = "room-" + client;
    try (KillableFixtureNode doomed = KillableFixtureNode.start(redis.url())) {
      String id = node.client(client, doomed.url());
      joinRoom(client, room);
      joinRoom(WATCHER, room);
      // The node stored the session at the join; its broadcast, later on the same connection,
      // reaching the watcher on B means Redis has both.
      node.call("clientEmit", "client", client, "name", "broadcast", "args", List.of(client));
      node.await(line -> isEvent(line, client, "broadcast"));
      node.await(
          line ->
              isEvent(line, WATCHER, "broadcast") && line.at("/args/0").asText().equals(client));
      JsonNode firstConnect = node.await(line -> isConnect(line, client));

      doomed.kill();
      node.await(
          line ->
              "disconnect".equals(line.path("event").asText())
                  && client.equals(line.path("client").asText()));
      List<JsonNode> watched = emitWhileAway(client, room);
      node.call("moveClient", "client", client, "url", urlOf("A"));
      JsonNode again = node.await(line -> isConnect(line, client) && line != firstConnect);
      assertThat(again.path("recovered").asBoolean()).as(client + " recovered on A").isTrue();
      assertThat(again.path("id").asText()).as("its socket id").isEqualTo(id);
      emitFrom("A", room, "after", client);
      node.await(line -> isEvent(line, client, "after"));
      assertThat(node.received(client, "missed"))
          .as("what " + client + " missed while its node died, replayed by A")
          .extracting(line -> line.path("args"))
          .containsExactlyElementsOf(watched.stream().map(line -> line.path("args")).toList());
    }
  }

  /**
   * Connects {@code client} to {@code owner}, lets it receive one packet, drops its connection,
   * broadcasts nine packets from every node while it is away, and brings it back on {@code target}:
   * it must be recovered with the same id and get the nine in the order the watcher (on B,
   * connected throughout) got them, with the same offsets, then the live ones.
   */
  private static void recoversElsewhere(String client, String owner, String target)
      throws Exception {
    String room = "room-" + client;
    String id = node.client(client, urlOf(owner));
    joinRoom(client, room);
    joinRoom(WATCHER, room);
    emitFrom("B", room, "before", client);
    node.await(line -> isEvent(line, client, "before"));
    JsonNode firstConnect = node.await(line -> isConnect(line, client));

    node.call("dropClient", "client", client);
    awaitSessionPersisted(owner, id);
    List<JsonNode> watched = emitWhileAway(client, room);

    node.call("moveClient", "client", client, "url", urlOf(target));
    JsonNode again = node.await(line -> isConnect(line, client) && line != firstConnect);
    assertThat(again.path("recovered").asBoolean()).as(client + " recovered on " + target).isTrue();
    assertThat(again.path("id").asText()).as("its socket id").isEqualTo(id);
    emitFrom(target, room, "after", client);
    node.await(line -> isEvent(line, client, "after"));

    assertThat(node.received(client, "missed"))
        .as("what " + client + " missed, replayed by " + target)
        .extracting(line -> line.path("args"))
        .containsExactlyElementsOf(watched.stream().map(line -> line.path("args")).toList());
    assertThat(node.received(client, "after")).hasSize(1);
  }

  /**
   * Broadcasts nine packets to {@code room}, three from each node, while {@code client} is away;
   * returns them as the watcher (on B, connected throughout) got them: in stream order.
   */
  private static List<JsonNode> emitWhileAway(String client, String room) throws Exception {
    for (String from : NODES) {
      for (int i = 0; i < 3; i++) {
        emitFrom(from, room, "missed", client, from, i);
      }
    }
    for (String from : NODES) {
      for (int i = 0; i < 3; i++) {
        int n = i;
        node.await(
            line ->
                isEvent(line, WATCHER, "missed")
                    && line.at("/args/0").asText().equals(client)
                    && line.at("/args/1").asText().equals(from)
                    && line.at("/args/2").asInt() == n);
      }
    }
    List<JsonNode> watched =
        node.all(
            line -> isEvent(line, WATCHER, "missed") && line.at("/args/0").asText().equals(client));
    assertThat(watched).as("what the watcher got").hasSize(9);
    assertThat(node.received(client, "missed")).as("nothing reaches a client away").isEmpty();
    return watched;
  }

  /** Waits until the owner persisted the dropped socket's session and Redis has it. */
  private static void awaitSessionPersisted(String owner, String socketId) throws Exception {
    if (owner.equals("N")) {
      node.await(
          line ->
              "server-disconnect".equals(line.path("event").asText())
                  && socketId.equals(line.path("id").asText()));
      node.call("flush");
      return;
    }
    BlockingQueue<String> closed = closedOn.get(owner);
    for (String next = closed.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        !socketId.equals(next);
        next = closed.poll(WAIT_SECONDS, TimeUnit.SECONDS)) {
      assertThat(next).as("node " + owner + " noticed " + socketId + " left").isNotNull();
    }
    // The SET went out before; a later command on the same connection is answered after it.
    io(owner).serverCount().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static boolean isConnect(JsonNode line, String client) {
    return "connect".equals(line.path("event").asText())
        && client.equals(line.path("client").asText());
  }
}
