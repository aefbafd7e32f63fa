package dev.wirelab.exercises.lab15;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.sandbox.StudentCode;
import dev.wirelab.exercises.wire.StudentServers;
import dev.wirelab.exercises.wire.TcpProbe;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Exercise 15: the event loop of an echo server, {@code EventLoopServer PORT}: many clients, a slow
 * reader, a client that vanishes, and one thread for all of them.
 */
public final class EventLoopExercise {
  static final String MAIN = "EventLoopServer";
  private static final Duration REPLY_BOUND = Duration.ofSeconds(3);
  private static final int CLIENTS = 40;

  /** More than Linux's largest loopback send buffer (4 MiB) and the reader's receive buffer. */
  private static final int BULK_BYTES = 12 << 20;

  /** A thread per client would add about CLIENTS threads; a JVM adds a few by itself. */
  private static final int THREADS_ALLOWED_TO_GROW = 8;

  private EventLoopExercise() {}

  public static Exercise create() {
    return new Exercise(
        "15",
        "the event loop of an echo server",
        List.of(
            new Requirement(
                "echoes", "echoes every byte back, in order", EventLoopExercise::echoes),
            new Requirement(
                "many-clients",
                CLIENTS + " clients at once, each gets only its own bytes",
                EventLoopExercise::manyClients),
            new Requirement(
                "slow-reader",
                "serves the others while one client does not read, and "
                    + "gives it every byte later",
                EventLoopExercise::slowReader),
            new Requirement(
                "vanishing-client",
                "survives a client that resets mid-message",
                EventLoopExercise::vanishingClient),
            new Requirement(
                "one-thread", "serves them all from one thread", EventLoopExercise::oneThread)));
  }

  private static Verdict echoes(StudentCode code) throws Exception {
    StudentServers.Running server = StudentServers.start(code, MAIN);
    try (TcpProbe client = TcpProbe.connect(server.port(), REPLY_BOUND, "checker")) {
      String line = "hello, loop\n";
      client.send(line);
      TcpProbe.Read echo = client.readBytes(line.length(), REPLY_BOUND);
      return Verdict.when(
              line.equals(echo.text()),
              "the same bytes back, \"hello, loop\\n\"",
              "you sent back " + echo.bytes().length + " bytes: \"" + echo.text() + "\"",
              "read into a ByteBuffer, flip() it, and write exactly those bytes to the same channel")
          .withFrames(client.frames());
    }
  }

  private static Verdict manyClients(StudentCode code) throws Exception {
    StudentServers.Running server = StudentServers.start(code, MAIN);
    List<TcpProbe> clients = new ArrayList<>();
    try {
      for (int i = 0; i < CLIENTS; i++) {
        clients.add(TcpProbe.connect(server.port(), REPLY_BOUND, "client-" + i));
      }
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < CLIENTS; i++) {
          clients.get(i).send(message(i, round));
        }
        for (int i = 0; i < CLIENTS; i++) {
          String expected = message(i, round);
          TcpProbe.Read echo = clients.get(i).readBytes(expected.length(), REPLY_BOUND);
          if (!expected.equals(echo.text())) {
            return Verdict.fail(
                    "client " + i + " getting back \"" + expected.trim() + "\"",
                    "it got \"" + echo.text().trim() + "\"",
                    "keep one queue per connection (attach it to the SelectionKey) and write a "
                        + "client's bytes only to that client's channel")
                .withFrames(clients.get(i).frames());
          }
        }
      }
      return Verdict.pass();
    } finally {
      for (TcpProbe client : clients) {
        client.close();
      }
    }
  }

  private static String message(int client, int round) {
    return String.format(Locale.ROOT, "client %d, message %d\n", client, round);
  }

  private static Verdict slowReader(StudentCode code) throws Exception {
    StudentServers.Running server = StudentServers.start(code, MAIN);
    byte[] bulk = new byte[BULK_BYTES];
    new SplittableRandom(15).nextBytes(bulk);
    try (Socket slow = new Socket()) {
      slow.setReceiveBufferSize(16 * 1024);
      slow.connect(new InetSocketAddress("127.0.0.1", server.port()), 3_000);
      slow.setSoTimeout(10_000);
      CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> sendAll(slow, bulk));
      // Whatever the server does, the checker must not hang: the sender is bounded below.
      try (TcpProbe other = TcpProbe.connect(server.port(), REPLY_BOUND, "other")) {
        awaitSent(sending);
        other.send("still there?\n");
        TcpProbe.Read echo = other.readBytes(13, REPLY_BOUND);
        if (!"still there?\n".equals(echo.text())) {
          return Verdict.fail(
                  "an echo for another client while the slow one does not read",
                  "it got " + echo.bytes().length + " bytes in " + REPLY_BOUND.toSeconds() + " s",
                  "when write() takes only part, keep the rest, set OP_WRITE and return to select():"
                      + " a loop around write() on one channel stops every other client")
              .withFrames(other.frames());
        }
      }
      byte[] back = new byte[bulk.length];
      try {
        new DataInputStream(slow.getInputStream()).readFully(back);
      } catch (IOException e) {
        return Verdict.fail(
            "all " + bulk.length + " bytes back once the slow client reads",
            "the connection ended early: " + e.getMessage(),
            "keep what the kernel did not take in the client's queue until OP_WRITE says there "
                + "is room");
      }
      return Verdict.when(
          Arrays.equals(back, bulk),
          "the slow client's " + bulk.length + " bytes back, in order",
          "different bytes came back (first difference at byte "
              + Arrays.mismatch(back, bulk)
              + ")",
          "after a partial write, write the rest of the same buffer before the next one");
    }
  }

  /** Waits until the slow client's bytes are sent, or until the sender is blocked for good. */
  private static void awaitSent(CompletableFuture<Void> sending) throws Exception {
    try {
      sending.get(2, TimeUnit.SECONDS);
    } catch (TimeoutException stillBlocked) {
      // The server stopped reading from the slow client (back-pressure): that is fine. The
      // sender is released when the socket closes at the end of the requirement.
    }
  }

  private static void sendAll(Socket socket, byte[] bytes) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
    } catch (IOException closedAtTheEnd) {
      // The requirement closed the socket while this was blocked: nothing to report.
    }
  }

  private static Verdict vanishingClient(StudentCode code) throws Exception {
    StudentServers.Running server = StudentServers.start(code, MAIN);
    for (int i = 0; i < 3; i++) {
      try (Socket vanishing = new Socket("127.0.0.1", server.port())) {
        vanishing.getOutputStream().write("half a mess".getBytes(StandardCharsets.UTF_8));
        vanishing.setSoLinger(true, 0);
      }
    }
    String expected = "an echo of each line for the next client after three clients reset";
    String hint =
        "catch the IOException of one client's read or write, close that channel and go on";
    // A loop that dies on a reset can still answer a line that came in the same select() as the
    // resets, in whatever order the selected keys come. The second line is sent after that echo,
    // so it arrives only once the loop has handled every reset.
    try (TcpProbe next = TcpProbe.connect(server.port(), REPLY_BOUND, "next")) {
      for (String line : List.of("anyone hurt?\n", "still there?\n")) {
        next.send(line);
        TcpProbe.Read echo = next.readBytes(line.length(), REPLY_BOUND);
        if (!line.equals(echo.text())) {
          return Verdict.fail(
                  expected,
                  "its line \""
                      + line.strip()
                      + "\" got "
                      + echo.bytes().length
                      + " bytes back; your server "
                      + endOf(server),
                  hint)
              .withFrames(next.frames());
        }
      }
      return Verdict.pass().withFrames(next.frames());
    } catch (IOException e) {
      return Verdict.fail(
          expected,
          "its connection failed (" + e.getMessage() + "); your server " + endOf(server),
          hint);
    }
  }

  /** How the server ended, once it had a moment to: a loop that dies on a reset dies at once. */
  private static String endOf(StudentServers.Running server) throws InterruptedException {
    server.process().awaitExit(REPLY_BOUND);
    return server.process().describeEnd();
  }

  private static Verdict oneThread(StudentCode code) throws Exception {
    StudentServers.Running server = StudentServers.start(code, MAIN);
    Path status = Path.of("/proc", Long.toString(server.process().pid()), "status");
    if (!Files.isReadable(status)) {
      return Verdict.pass();
    }
    List<TcpProbe> clients = new ArrayList<>();
    try {
      clients.add(TcpProbe.connect(server.port(), REPLY_BOUND, "client-0"));
      clients.get(0).send("one\n");
      clients.get(0).readBytes(4, REPLY_BOUND);
      int withOne = threads(status);
      for (int i = 1; i < CLIENTS; i++) {
        TcpProbe client = TcpProbe.connect(server.port(), REPLY_BOUND, "client-" + i);
        clients.add(client);
        client.send("one\n");
        client.readBytes(4, REPLY_BOUND);
      }
      int withAll = threads(status);
      return Verdict.when(
          withAll - withOne <= THREADS_ALLOWED_TO_GROW,
          "about as many threads with " + CLIENTS + " clients as with one",
          "your JVM had "
              + withOne
              + " threads with one client and "
              + withAll
              + " with "
              + CLIENTS,
          "no thread per client: one thread, one Selector, every channel non-blocking");
    } finally {
      for (TcpProbe client : clients) {
        client.close();
      }
    }
  }

  private static int threads(Path status) throws IOException {
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("Threads:")) {
        return Integer.parseInt(line.substring("Threads:".length()).trim());
      }
    }
    throw new IOException("no Threads: line in " + status);
  }
}
