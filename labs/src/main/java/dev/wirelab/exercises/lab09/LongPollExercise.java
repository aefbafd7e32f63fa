package dev.wirelab.exercises.lab09;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.sandbox.StudentCode;
import dev.wirelab.exercises.wire.StudentServers;
import java.util.List;

/** Exercise 09: {@code LongPollServer PORT}, a feed of events over HTTP long polling. */
public final class LongPollExercise {
  static final String MAIN = "LongPollServer";

  private LongPollExercise() {}

  public static Exercise create() {
    return new Exercise(
        "09",
        "a long-polling endpoint, measured against push",
        List.of(
            new Requirement(
                "events",
                "GET /events?after=N returns exactly the events after N, in order",
                code -> LongPollChecks.events("127.0.0.1", start(code))),
            new Requirement(
                "hold",
                "a poll with nothing new is held, and answered as soon as an event is published",
                code -> LongPollChecks.hold("127.0.0.1", start(code))),
            new Requirement(
                "timeout",
                "a poll with nothing new is answered empty within 2 s (+1 s slack)",
                code -> LongPollChecks.timeout("127.0.0.1", start(code))),
            new Requirement(
                "wake-all",
                "two held polls both get the event that is published",
                code -> LongPollChecks.wakeAll("127.0.0.1", start(code)))));
  }

  private static int start(StudentCode code) throws Exception {
    return StudentServers.start(code, MAIN).port();
  }
}
