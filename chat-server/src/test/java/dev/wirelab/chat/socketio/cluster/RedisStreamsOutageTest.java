package dev.wirelab.chat.socketio.cluster;

import static dev.wirelab.chat.socketio.cluster.PeerLines.isEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.chat.engineio.EngineIoOptions;
import dev.wirelab.chat.fixture.ProtocolFixture;
import dev.wirelab.chat.socketio.cluster.redis.RedisStreamsAdapterFactory;
import dev.wirelab.chat.socketio.cluster.redis.RedisStreamsAdapterOptions;
import dev.wirelab.chat.socketio.recovery.RecoveryOptions;
import dev.wirelab.testkit.RedisServerProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redis restarts (SIGTERM, or SIGKILL with {@code appendfsync always}) while two Wirelab nodes on
 * the streams adapter broadcast: the appends wait in Lettuce's bounded queue, each reader goes on
 * from the last id it read, and every client of both nodes gets every broadcast exactly once, in
 * order (issue 16, test 6, the streams half, with server broadcasts; the pub/sub half is {@link
 * RedisOutageTest}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedisStreamsOutageTest {
  private static final int DURING = 20;

  @ParameterizedTest(name = "Redis ended by {0}")
  @ValueSource(strings = {"SIGTERM", "SIGKILL"})
  void noBroadcastIsLostOrDoubledAcrossARedisRestart(String signal) throws Exception {
    try (RedisServerProcess redis =
            RedisServerProcess.start("--appendonly", "yes", "--appendfsync", "always");
        RedisStreamsAdapterFactory adaptersA =
            RedisStreamsAdapterFactory.connect(redis.url(), RedisStreamsAdapterOptions.defaults());
        RedisStreamsAdapterFactory adaptersB =
            RedisStreamsAdapterFactory.connect(redis.url(), RedisStreamsAdapterOptions.defaults());
        ProtocolFixture nodeA =
            ProtocolFixture.start(
                "127.0.0.1", 0, adaptersA, EngineIoOptions.defaults(), RecoveryOptions.defaults());
        ProtocolFixture nodeB =
            ProtocolFixture.start(
                "127.0.0.1", 0, adaptersB, EngineIoOptions.defaults(), RecoveryOptions.defaults());
        NodeClusterPeer clients = NodeClusterPeer.start(redis.url(), "streams")) {
      clients.client("a", "http://127.0.0.1:" + nodeA.port());
      clients.client("b", "http://127.0.0.1:" + nodeB.port());
      for (String client : List.of("a", "b")) {
        clients.call(
            "clientEmitWithAck", "client", client, "name", "join", "args", List.of("room"));
      }
      nodeA.io().mainNamespace().to("room").emit("before", "A");
      for (String client : List.of("a", "b")) {
        clients.await(line -> isEvent(line, client, "before"));
      }

      if (signal.equals("SIGTERM")) {
        redis.stop();
      } else {
        redis.kill();
      }
      for (int i = 0; i < DURING; i++) {
        nodeA.io().mainNamespace().to("room").emit("during", "A", i);
        nodeB.io().mainNamespace().to("room").emit("during", "B", i);
      }
      redis.startAgain();
      nodeA.io().mainNamespace().to("room").emit("after", "A");
      nodeB.io().mainNamespace().to("room").emit("after", "B");

      // Lettuce may re-send what it queued in another order, "after" first: wait for each one.
      for (String client : List.of("a", "b")) {
        for (String from : List.of("A", "B")) {
          awaitEvent(clients, client, "after", from);
          for (int i = 0; i < DURING; i++) {
            awaitEvent(clients, client, "during", from + i);
          }
        }
      }
      // Redis answers again: these go after everything in the stream, so nothing more comes.
      nodeA.io().mainNamespace().to("room").emit("end", "A");
      nodeB.io().mainNamespace().to("room").emit("end", "B");
      for (String client : List.of("a", "b")) {
        for (String from : List.of("A", "B")) {
          awaitEvent(clients, client, "end", from);
        }
      }
      List<List<JsonNode>> seen = new ArrayList<>();
      for (String client : List.of("a", "b")) {
        List<JsonNode> during = clients.received(client, "during");
        for (String from : List.of("A", "B")) {
          assertThat(
                  during.stream()
                      .filter(line -> line.at("/args/0").asText().equals(from))
                      .map(line -> line.at("/args/1").asInt())
                      .sorted()
                      .toList())
              .as("what " + client + " got of " + from + "'s broadcasts while Redis was down")
              .containsExactlyElementsOf(IntStream.range(0, DURING).boxed().toList());
        }
        List<StreamOffset> offsets =
            during.stream().map(line -> StreamOffset.of(line.at("/args/2").asText())).toList();
        assertThat(offsets).as("offsets at " + client + ", in stream order").isSorted();
        seen.add(during.stream().map(line -> line.path("args")).toList());
      }
      assertThat(seen.get(0)).as("the order both clients saw").isEqualTo(seen.get(1));
      // Lettuce re-sends what it queued at a disconnection in an order of its own (one run:
      // 0, 10..19, 1..9): the stream's order, which every client sees, is not always the sender's.
      long outOfOrder =
          IntStream.range(1, seen.get(0).size())
              .filter(
                  k ->
                      senderIndex(seen.get(0).get(k)) < senderIndex(seen.get(0).get(k - 1))
                          && sender(seen.get(0).get(k)).equals(sender(seen.get(0).get(k - 1))))
              .count();
      System.out.printf(
          "redis %s, streams adapter: 0 of %d broadcasts lost or doubled at either node;"
              + " %d step(s) back in a sender's order%n",
          signal, 2 * DURING, outOfOrder);
    }
  }

  /** Waits for {@code client}'s event {@code name} whose first arguments spell {@code key}. */
  private static void awaitEvent(NodeClusterPeer clients, String client, String name, String key)
      throws InterruptedException {
    clients.await(
        line ->
            isEvent(line, client, name)
                && (line.at("/args/0").asText()
                        + (name.equals("during") ? line.at("/args/1").asText() : ""))
                    .equals(key));
  }

  private static String sender(JsonNode args) {
    return args.get(0).asText();
  }

  private static int senderIndex(JsonNode args) {
    return args.get(1).asInt();
  }

  /** A stream id, ordered as Redis orders them. */
  private record StreamOffset(long millis, long sequence) implements Comparable<StreamOffset> {
    static StreamOffset of(String id) {
      String[] parts = id.split("-");
      return new StreamOffset(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    @Override
    public int compareTo(StreamOffset other) {
      return millis != other.millis
          ? Long.compare(millis, other.millis)
          : Long.compare(sequence, other.sequence);
    }
  }
}
