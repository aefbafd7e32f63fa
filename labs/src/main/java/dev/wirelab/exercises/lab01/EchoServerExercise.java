package dev.wirelab.exercises.lab01;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.sandbox.StudentCode;
import dev.wirelab.exercises.wire.StudentServers;
import dev.wirelab.exercises.wire.TcpProbe;
import dev.wirelab.inspector.app.Quote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise 01: a TCP echo server, {@code EchoServer PORT}, that serves several clients at once and
 * hangs up when a client ends its stream.
 */
public final class EchoServerExercise {
  static final String MAIN = "EchoServer";
  private static final Duration REPLY_BOUND = Duration.ofSeconds(3);

  private EchoServerExercise() {}

  public static Exercise create() {
    return new Exercise(
        "01",
        "an echo server for several clients at once",
        List.of(
            new Requirement(
                "listens",
                "listens on the port given as its first argument",
                EchoServerExercise::listens),
            new Requirement(
                "echoes",
                "echoes every byte back, in order, UTF-8 included",
                EchoServerExercise::echoes),
            new Requirement(
                "several-clients",
                "serves several clients at once",
                EchoServerExercise::servesSeveralClients),
            new Requirement(
                "closes",
                "hangs up when the client ends its stream",
                EchoServerExercise::closesAtEnd)));
  }

  private static Verdict listens(StudentCode code) throws Exception {
    StudentServers.start(code, MAIN);
    return Verdict.pass();
  }

  private static Verdict echoes(StudentCode code) throws Exception {
    StudentServers.Running server = StudentServers.start(code, MAIN);
    try (TcpProbe client = TcpProbe.connect(server.port(), REPLY_BOUND, "checker")) {
      for (String line : List.of("hello\n", "grüße, 👋\n", "three\nlines\nat once\n")) {
        client.send(line);
        byte[] sent = line.getBytes(StandardCharsets.UTF_8);
        TcpProbe.Read echo = client.readBytes(sent.length, REPLY_BOUND);
        if (!line.equals(echo.text())) {
          return Verdict.fail(
                  "the same " + sent.length + " bytes back, " + Quote.text(line),
                  "you sent back "
                      + echo.bytes().length
                      + " bytes, "
                      + Quote.text(echo.text())
                      + whyItStopped(echo),
                  "write back exactly the bytes you read (the \\n too): read into a byte[] and"
                      + " write the same count, or keep the line end and the charset UTF-8")
              .withFrames(client.frames());
        }
      }
      return Verdict.pass();
    }
  }

  private static Verdict servesSeveralClients(StudentCode code) throws Exception {
    StudentServers.Running server = StudentServers.start(code, MAIN);
    try (TcpProbe first = TcpProbe.connect(server.port(), REPLY_BOUND, "client-A");
        TcpProbe second = TcpProbe.connect(server.port(), REPLY_BOUND, "client-B")) {
      first.send("from A\n");
      TcpProbe.Read firstEcho = first.readBytes(1, REPLY_BOUND);
      second.send("from B\n");
      TcpProbe.Read secondEcho = second.readBytes(1, REPLY_BOUND);
      List<String> frames = new ArrayList<>(first.frames());
      frames.addAll(second.frames());
      if (firstEcho.bytes().length == 0) {
        return Verdict.fail(
                "an echo for client A",
                "A got nothing back" + whyItStopped(firstEcho),
                "accept a client and answer it before you check the next requirement")
            .withFrames(frames);
      }
      return Verdict.when(
              secondEcho.bytes().length > 0,
              "client B's echo while client A stays connected",
              "B got nothing in " + REPLY_BOUND.toSeconds() + " s" + whyItStopped(secondEcho),
              "your server is busy with A: serve each client on its own thread"
                  + " (new Thread(...) per accepted socket) and go straight back to accept()")
          .withFrames(frames);
    }
  }

  private static Verdict closesAtEnd(StudentCode code) throws Exception {
    StudentServers.Running server = StudentServers.start(code, MAIN);
    try (TcpProbe client = TcpProbe.connect(server.port(), REPLY_BOUND, "checker")) {
      client.finishSending();
      TcpProbe.Read rest = client.readToEnd(REPLY_BOUND);
      return Verdict.when(
              rest.end() == TcpProbe.End.CLOSED,
              "your end of the connection closed (a FIN) once the client ended its stream",
              "the connection was still open after " + REPLY_BOUND.toSeconds() + " s",
              "read() returns -1 at the end of the stream: then close the client's socket"
                  + " (try-with-resources does it)")
          .withFrames(client.frames());
    } catch (IOException e) {
      return Verdict.fail(
          "a clean close (FIN) once the client ended its stream",
          "the connection broke: " + e.getMessage(),
          "close the socket after read() returned -1, not before");
    }
  }

  private static String whyItStopped(TcpProbe.Read read) {
    return switch (read.end()) {
      case COMPLETE -> "";
      case CLOSED -> ", then closed the connection";
      case TIMED_OUT ->
          read.bytes().length == 0
              ? ""
              : ", then nothing more for " + REPLY_BOUND.toSeconds() + " s";
    };
  }
}
