package dev.wirelab.exercises.lab11;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.sandbox.StudentCode;
import dev.wirelab.exercises.wire.StudentServers;
import java.util.List;
import java.util.function.Function;

/**
 * Exercise 11: {@code ChatHandlers.install(io)} on Wirelab's Socket.IO engine (started by the given
 * {@code ChatServer PORT}); each requirement plays the room scene against a fresh server.
 */
public final class RoomsExercise {
  static final String MAIN = "ChatServer";

  private RoomsExercise() {}

  public static Exercise create() {
    return new Exercise(
        "11",
        "Socket.IO rooms: join, say to the others, ack",
        List.of(
            new Requirement(
                "join", "a join is acknowledged with the room's name", judged(RoomChecks::join)),
            new Requirement(
                "room",
                "a say reaches the room's other members as said(name, room, text), and no outsider",
                judged(RoomChecks::room)),
            new Requirement(
                "not-sender",
                "the sender does not get its own say back",
                judged(RoomChecks::notSender)),
            new Requirement("ack", "a say is acknowledged with \"ok\"", judged(RoomChecks::ack))));
  }

  private static Requirement.Check judged(Function<RoomChecks.Scene, Verdict> judge) {
    return code -> judge.apply(play(code));
  }

  private static RoomChecks.Scene play(StudentCode code) throws Exception {
    int port = StudentServers.start(code, MAIN).port();
    try (JavaChatPeers peers = new JavaChatPeers("127.0.0.1", port)) {
      return RoomChecks.play(peers, "physics");
    }
  }
}
