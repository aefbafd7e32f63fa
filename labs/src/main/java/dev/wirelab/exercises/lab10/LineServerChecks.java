package dev.wirelab.exercises.lab10;

import dev.wirelab.exercises.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.locks.LockSupport;

/**
 * Exercise 10's checks, against a student's Netty line server on {@code host:port} in the process
 * {@code student} (whose threads the checker counts while 1 000 clients are connected).
 */
public final class LineServerChecks {
  static final int CLIENTS = 1_000;

  /** More new threads than this for 1 000 clients means threads per connection, not one loop. */
  static final int MAX_NEW_THREADS = 50;

  private static final int TIMEOUT_MILLIS = 5_000;

  /** Between the pieces of one line: long enough that they travel as separate segments. */
  private static final long PIECE_GAP_NANOS = 100_000_000;

  private LineServerChecks() {}

  public static Verdict reply(String host, int port) throws IOException {
    try (Client client = Client.connect(host, port)) {
      client.send("hello, loop\n");
      String answer = client.readLine();
      if (!"HELLO, LOOP".equals(answer)) {
        return Verdict.fail(
            "\"HELLO, LOOP\" for \"hello, loop\"",
            quote(answer),
            "write back line.toUpperCase(Locale.ROOT) + \"\\n\", and flush");
      }
      return Verdict.pass("\"hello, loop\" -> \"HELLO, LOOP\"");
    }
  }

  public static Verdict framing(String host, int port) throws IOException {
    try (Client client = Client.connect(host, port)) {
      // A first exchange warms the server up: a cold JVM's first read can be so late that
      // the three pieces below are all waiting in its buffer and look like one.
      client.send("warm up\n");
      client.readLine();
      for (String piece : new String[] {"spl", "it li", "ne\n"}) {
        client.send(piece);
        // Pacing, not synchronisation: the pieces must leave as three separate segments.
        LockSupport.parkNanos(PIECE_GAP_NANOS);
      }
      client.send("one\ntwo\n");
      List<String> answers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        answers.add(client.readLine());
      }
      List<String> expected = List.of("SPLIT LINE", "ONE", "TWO");
      if (!answers.equals(expected)) {
        return Verdict.fail(
            "the answers " + expected + " (one per line)",
            "the first three answers " + answers,
            "a read is not a line: cut the stream at \\n (LineBasedFrameDecoder) before decoding");
      }
      return Verdict.pass("a line in 3 pieces and 2 lines in one write: 3 answers, in order");
    }
  }

  public static Verdict oneLoop(String host, int port, long studentPid) throws IOException {
    OptionalInt before = threads(studentPid);
    List<Client> clients = new ArrayList<>(CLIENTS);
    try {
      for (int i = 0; i < CLIENTS; i++) {
        clients.add(Client.connect(host, port));
      }
      for (int i = 0; i < CLIENTS; i++) {
        clients.get(i).send("client " + i + "\n");
      }
      OptionalInt during = threads(studentPid);
      for (int i = 0; i < CLIENTS; i++) {
        String answer = clients.get(i).readLine();
        if (!("CLIENT " + i).equals(answer)) {
          return Verdict.fail(
              "\"CLIENT " + i + "\" for client " + i + " of " + CLIENTS,
              quote(answer),
              "every connected client is served, none waits behind another");
        }
      }
      OptionalInt after = threads(studentPid);
      if (before.isEmpty() || during.isEmpty() || after.isEmpty()) {
        return Verdict.pass(
            CLIENTS + " clients answered (threads not counted: no /proc on this system)");
      }
      int added = Math.max(during.getAsInt(), after.getAsInt()) - before.getAsInt();
      if (added > MAX_NEW_THREADS) {
        return Verdict.fail(
            "at most " + MAX_NEW_THREADS + " more threads with " + CLIENTS + " clients",
            before.getAsInt()
                + " threads before, "
                + Math.max(during.getAsInt(), after.getAsInt())
                + " with them: about one per connection",
            "one event loop (MultiThreadIoEventLoopGroup(1, ...)) serves them all; give no handler "
                + "its own executor");
      }
      return Verdict.pass(
          CLIENTS
              + " clients answered; the server went from "
              + before.getAsInt()
              + " to "
              + Math.max(during.getAsInt(), after.getAsInt())
              + " threads");
    } finally {
      for (Client client : clients) {
        client.close();
      }
    }
  }

  /** The process's thread count from {@code /proc/PID/status}, where there is one. */
  static OptionalInt threads(long pid) throws IOException {
    Path status = Path.of("/proc", String.valueOf(pid), "status");
    if (!Files.isReadable(status)) {
      return OptionalInt.empty();
    }
    for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
      if (line.startsWith("Threads:")) {
        return OptionalInt.of(Integer.parseInt(line.substring(8).trim()));
      }
    }
    return OptionalInt.empty();
  }

  private static String quote(String answer) {
    return answer == null ? "the connection ended" : "\"" + answer + "\"";
  }

  /** One checker client: a blocking socket whose every read waits at most five seconds. */
  private static final class Client implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final BufferedReader in;

    private Client(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
      this.in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    static Client connect(String host, int port) throws IOException {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        return new Client(socket);
      } catch (IOException e) {
        socket.close();
        throw e;
      }
    }

    void send(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    /** The next line, or null when the server hung up; a timeout says how long it waited. */
    String readLine() throws IOException {
      try {
        return in.readLine();
      } catch (SocketTimeoutException e) {
        throw new SocketTimeoutException("no answer line within " + TIMEOUT_MILLIS / 1000 + " s");
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
