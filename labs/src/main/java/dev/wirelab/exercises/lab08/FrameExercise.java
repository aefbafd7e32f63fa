package dev.wirelab.exercises.lab08;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.sandbox.StudentCode;
import dev.wirelab.exercises.wire.StudentServers;
import java.util.List;

/** Exercise 08: {@code FrameEchoServer PORT}, a WebSocket echo server with frames by hand. */
public final class FrameExercise {
  static final String MAIN = "FrameEchoServer";

  private FrameExercise() {}

  public static Exercise create() {
    return new Exercise(
        "08",
        "WebSocket frames by hand: masks, lengths, close",
        List.of(
            new Requirement(
                "unmask",
                "a masked text frame is echoed with the original text, unmasked",
                code -> FrameChecks.unmask("127.0.0.1", start(code))),
            new Requirement(
                "length16",
                "200- and 40 000-byte payloads (16-bit length) are echoed whole",
                code -> FrameChecks.length16("127.0.0.1", start(code))),
            new Requirement(
                "length64",
                "a 70 000-byte payload (64-bit length) is echoed whole",
                code -> FrameChecks.length64("127.0.0.1", start(code))),
            new Requirement(
                "ping",
                "a ping gets a pong with the same payload",
                code -> FrameChecks.ping("127.0.0.1", start(code))),
            new Requirement(
                "close",
                "a close 1000 gets a close 1000, then the connection ends",
                code -> FrameChecks.close("127.0.0.1", start(code))),
            new Requirement(
                "unmasked-close",
                "an unmasked client frame gets a close 1002, then the connection ends",
                code -> FrameChecks.unmaskedClose("127.0.0.1", start(code)))));
  }

  private static int start(StudentCode code) throws Exception {
    return StudentServers.start(code, MAIN).port();
  }
}
