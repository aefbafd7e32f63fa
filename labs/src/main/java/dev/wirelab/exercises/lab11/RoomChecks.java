package dev.wirelab.exercises.lab11;

import dev.wirelab.exercises.Verdict;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Exercise 11's checks. Each one sets the scene afresh: alice and bob join a room of their own,
 * carol stays outside, alice says something. Absence is proven by order, not by waiting: what the
 * server emitted to a socket before it answered that socket's later ack arrives before that ack, so
 * after a round trip of its own a peer has everything it will ever get from the say.
 */
public final class RoomChecks {
  private static final Duration PATIENCE = Duration.ofSeconds(2);
  private static final String TEXT = "hello, room";

  private RoomChecks() {}

  /** What one scene observed: the acks and what each of the three peers got. */
  public record Scene(
      String room,
      Optional<List<String>> joinAck,
      Optional<List<String>> sayAck,
      List<List<String>> alice,
      List<List<String>> bob,
      List<List<String>> carol) {}

  public static Scene play(ChatPeer.Factory peers, String room)
      throws IOException, InterruptedException {
    try (ChatPeer alice = peers.connect("alice");
        ChatPeer bob = peers.connect("bob");
        ChatPeer carol = peers.connect("carol")) {
      Optional<List<String>> joinAck = alice.request("join", PATIENCE, room);
      if (joinAck.isPresent()) {
        bob.request("join", PATIENCE, room);
        carol.request("join", PATIENCE, room + "-elsewhere");
      }
      Optional<List<String>> sayAck = alice.request("say", PATIENCE, room, TEXT);
      // Round trips after the say: anything it sent to them is in front of these acks. Without
      // a join handler there is no round trip to make (and the checks fail anyway).
      for (ChatPeer peer : joinAck.isPresent() ? List.of(alice, bob, carol) : List.<ChatPeer>of()) {
        peer.request("join", PATIENCE, room + "-elsewhere");
      }
      return new Scene(room, joinAck, sayAck, alice.said(), bob.said(), carol.said());
    }
  }

  public static Verdict join(Scene scene) {
    if (scene.joinAck().isEmpty()) {
      return Verdict.fail(
          "an ack for join(\"" + scene.room() + "\")",
          "no ack within 2 s",
          "socket.on(\"join\", (args, ack) -> { ...; ack.send(room); })");
    }
    if (!scene.joinAck().get().equals(List.of(scene.room()))) {
      return Verdict.fail(
          "the ack [" + scene.room() + "]",
          "the ack " + scene.joinAck().get(),
          "acknowledge with the room's name, one argument");
    }
    return Verdict.pass("join acknowledged with [" + scene.room() + "]");
  }

  public static Verdict room(Scene scene) {
    List<String> expected = List.of("alice", scene.room(), TEXT);
    if (!scene.bob().equals(List.of(expected))) {
      return Verdict.fail(
          "bob, in the room, gets said" + expected + " once",
          "bob got " + scene.bob(),
          "emit \"said\" with (name, room, text) to the room's members");
    }
    if (!scene.carol().isEmpty()) {
      return Verdict.fail(
          "carol, outside the room, gets nothing",
          "carol got " + scene.carol(),
          "socket.broadcast() reaches every socket; socket.to(room) only the room");
    }
    return Verdict.pass("bob got said" + expected + ", carol (outside) nothing");
  }

  public static Verdict notSender(Scene scene) {
    if (scene.bob().isEmpty()) {
      return Verdict.fail(
          "the say reaches bob, and not alice who spoke",
          "the say reached nobody",
          "emit \"said\" to the room's members except the sender: socket.to(room)");
    }
    if (!scene.alice().isEmpty()) {
      return Verdict.fail(
          "alice, who spoke, gets nothing back",
          "alice got " + scene.alice(),
          "io.to(room) includes the sender; socket.to(room) leaves it out");
    }
    return Verdict.pass("alice did not get her own message");
  }

  public static Verdict ack(Scene scene) {
    if (scene.sayAck().isEmpty()) {
      return Verdict.fail(
          "an ack for say",
          "no ack within 2 s",
          "the client asked for an ack: call ack.send(\"ok\") in the handler");
    }
    if (!scene.sayAck().get().equals(List.of("ok"))) {
      return Verdict.fail("the ack [ok]", "the ack " + scene.sayAck().get(), "ack.send(\"ok\")");
    }
    return Verdict.pass("say acknowledged with [ok]");
  }
}
