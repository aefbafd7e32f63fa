package dev.wirelab.exercises.lab07;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.sandbox.StudentCode;
import dev.wirelab.exercises.wire.StudentServers;
import java.util.List;

/** Exercise 07: {@code HandshakeServer PORT}, HTTP and the WebSocket handshake on one port. */
public final class WebSocketHandshakeExercise {
  static final String MAIN = "HandshakeServer";

  private WebSocketHandshakeExercise() {}

  public static Exercise create() {
    return new Exercise(
        "07",
        "HTTP and the WebSocket handshake on one port",
        List.of(
            new Requirement(
                "http",
                "GET / answers 200 with a body of exactly Content-Length bytes",
                code -> HandshakeChecks.servesHttp("127.0.0.1", start(code))),
            new Requirement(
                "accept",
                "a valid upgrade gets 101 with the right Sec-WebSocket-Accept",
                code -> HandshakeChecks.acceptsUpgrade("127.0.0.1", start(code))),
            new Requirement(
                "refuse",
                "a bad upgrade gets 400, a wrong version 426 with Sec-WebSocket-Version: 13",
                code -> HandshakeChecks.refusesBadUpgrade("127.0.0.1", start(code)))));
  }

  private static int start(StudentCode code) throws Exception {
    return StudentServers.start(code, MAIN).port();
  }
}
