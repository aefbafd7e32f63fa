package dev.wirelab.exercises.lab10;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.sandbox.StudentCode;
import dev.wirelab.exercises.wire.StudentServers;
import java.util.List;

/**
 * Exercise 10: {@code LineServer PORT}, a Netty line server that holds 1 000 clients on one loop.
 */
public final class LineServerExercise {
  static final String MAIN = "LineServer";

  private LineServerExercise() {}

  public static Exercise create() {
    return new Exercise(
        "10",
        "a Netty line server: 1 000 clients, one loop",
        List.of(
            new Requirement(
                "reply",
                "a line gets its capitals back",
                code -> LineServerChecks.reply("127.0.0.1", start(code).port())),
            new Requirement(
                "framing",
                "a line in three pieces, and two lines in one write, are each answered once",
                code -> LineServerChecks.framing("127.0.0.1", start(code).port())),
            new Requirement(
                "one-loop",
                LineServerChecks.CLIENTS
                    + " clients connected at once are all answered, with a handful of threads",
                code -> {
                  StudentServers.Running server = start(code);
                  return LineServerChecks.oneLoop(
                      "127.0.0.1", server.port(), server.process().pid());
                })));
  }

  private static StudentServers.Running start(StudentCode code) throws Exception {
    return StudentServers.start(code, MAIN);
  }
}
