package dev.wirelab.exercises.ex11;

import dev.wirelab.exercises.wire.NamedCheck;
import dev.wirelab.exercises.wire.Verdict;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Exercise 11's checks. Each one sets the scene afresh: alice and bob join a room of their own,
 * carol stays outside, alice says something. Absence is proven by order, not by waiting: what
 * the server emitted to a socket before it answered that socket's later ack arrives before
 * that ack, so after a round trip of its own a peer has everything it will ever get from the say.
 * The scene is played once per server; the four requirements judge the same observations.
 */
public final class RoomChecks {
  private static final Duration PATIENCE = Duration.ofSeconds(2);
  private static final String TEXT = "hello, room";

  private RoomChecks() {}

  /** What one scene observed: the acks and what each of the three peers got. */
  record Scene(String room, Optional<List<String>> joinAck, Optional<List<String>> sayAck,
      List<List<String>> alice, List<List<String>> bob, List<List<String>> carol) {}

  static Scene play(ChatPeer.Factory peers, String room) throws IOException, InterruptedException {
    try (ChatPeer alice = peers.connect("alice");
        ChatPeer bob = peers.connect("bob");
        ChatPeer carol = peers.connect("carol")) {
      Optional<List<String>> joinAck = alice.request("join", PATIENCE, room);
      bob.request("join", PATIENCE, room);
      carol.request("join", PATIENCE, room + "-elsewhere");
      Optional<List<String>> sayAck = alice.request("say", PATIENCE, room, TEXT);
      // Round trips after the say: anything it sent to them is in front of these acks. Without
      // a join handler there is no round trip to make (and the checks fail anyway).
      for (ChatPeer peer : joinAck.isPresent() ? List.of(alice, bob, carol) : List.<ChatPeer>of()) {
        peer.request("join", PATIENCE, room + "-elsewhere");
      }
      return new Scene(room, joinAck, sayAck, alice.said(), bob.said(), carol.said());
    }
  }

  /** The requirements, judged on one scene per server, played with peers from {@code peers}. */
  public static List<NamedCheck> all(BiFunction<String, Integer, ChatPeer.Factory> peers) {
    SceneOnce scene = new SceneOnce(peers);
    return List.of(
        check("join", "a join is acknowledged with the room's name", scene, RoomChecks::join),
        check("room", "a say reaches the room's other members as said(name, room, text), and no outsider",
            scene, RoomChecks::room),
        check("not-sender", "the sender does not get its own say back", scene, RoomChecks::notSender),
        check("ack", "a say is acknowledged with \"ok\"", scene, RoomChecks::ack));
  }

  /** Plays the scene at the first check of a server and keeps what it saw for the others. */
  private static final class SceneOnce {
    private final BiFunction<String, Integer, ChatPeer.Factory> peers;
    private String playedAt;
    private Scene scene;

    SceneOnce(BiFunction<String, Integer, ChatPeer.Factory> peers) {
      this.peers = peers;
    }

    synchronized Scene get(String host, int port) throws IOException {
      String server = host + ":" + port;
      if (!server.equals(playedAt)) {
        ChatPeer.Factory factory = peers.apply(host, port);
        try {
          scene = play(factory, "room-" + port);
          playedAt = server;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        } finally {
          if (factory instanceof AutoCloseable closeable) {
            try {
              closeable.close();
            } catch (Exception e) {
              throw new IOException("could not close the checker's clients", e);
            }
          }
        }
      }
      return scene;
    }
  }

  static Verdict join(Scene scene) {
    if (scene.joinAck().isEmpty()) {
      return Verdict.failed("an ack for join(\"" + scene.room() + "\")", "no ack within 2 s",
          "socket.on(\"join\", (args, ack) -> { ...; ack.send(room); })");
    }
    if (!scene.joinAck().get().equals(List.of(scene.room()))) {
      return Verdict.failed("the ack [" + scene.room() + "]", "the ack " + scene.joinAck().get(),
          "acknowledge with the room's name, one argument");
    }
    return Verdict.met("join acknowledged with [" + scene.room() + "]");
  }

  static Verdict room(Scene scene) {
    List<String> expected = List.of("alice", scene.room(), TEXT);
    if (!scene.bob().equals(List.of(expected))) {
      return Verdict.failed("bob, in the room, gets said" + expected + " once", "bob got " + scene.bob(),
          "emit \"said\" with (name, room, text) to the room's members");
    }
    if (!scene.carol().isEmpty()) {
      return Verdict.failed("carol, outside the room, gets nothing", "carol got " + scene.carol(),
          "socket.broadcast() reaches every socket; socket.to(room) only the room");
    }
    return Verdict.met("bob got said" + expected + ", carol (outside) nothing");
  }

  static Verdict notSender(Scene scene) {
    if (scene.bob().isEmpty()) {
      return Verdict.failed("the say reaches bob, and not alice who spoke", "the say reached nobody",
          "emit \"said\" to the room's members except the sender: socket.to(room)");
    }
    if (!scene.alice().isEmpty()) {
      return Verdict.failed("alice, who spoke, gets nothing back", "alice got " + scene.alice(),
          "io.to(room) includes the sender; socket.to(room) leaves it out");
    }
    return Verdict.met("alice did not get her own message");
  }

  static Verdict ack(Scene scene) {
    if (scene.sayAck().isEmpty()) {
      return Verdict.failed("an ack for say", "no ack within 2 s",
          "the client asked for an ack: call ack.send(\"ok\") in the handler");
    }
    if (!scene.sayAck().get().equals(List.of("ok"))) {
      return Verdict.failed("the ack [ok]", "the ack " + scene.sayAck().get(), "ack.send(\"ok\")");
    }
    return Verdict.met("say acknowledged with [ok]");
  }

  private static NamedCheck check(String id, String title, SceneOnce scene,
      java.util.function.Function<Scene, Verdict> judge) {
    return new NamedCheck(id, title, (host, port) -> judge.apply(scene.get(host, port)));
  }
}
