package dev.wirelab.exercises.wire;

import dev.wirelab.exercises.Unmet;
import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.sandbox.StudentProcess;
import dev.wirelab.inspector.app.Quote;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The checker's end of a TCP connection to a student's server. Every read is bounded by a deadline,
 * and every write and read is kept as a frame line in the inspector's notation, so a failed
 * requirement can show the student what went over the wire.
 */
public final class TcpProbe implements AutoCloseable {
  /** How a bounded read ended. */
  public enum End {
    /** The wanted bytes arrived. */
    COMPLETE,
    /** The other side closed its direction (read returned -1). */
    CLOSED,
    /** The deadline passed first. */
    TIMED_OUT
  }

  /** What a bounded read got, and why it stopped. */
  public record Read(byte[] bytes, End end) {
    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Read read && Arrays.equals(bytes, read.bytes) && end == read.end;
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(bytes) + end.hashCode();
    }

    @Override
    public String toString() {
      return end + " " + Quote.text(text());
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final String name;
  private final List<String> frames = new ArrayList<>();

  private TcpProbe(Socket socket, String name) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.name = name;
  }

  /** Connects to 127.0.0.1:{@code port} within {@code bound}; {@code name} labels its frames. */
  public static TcpProbe connect(int port, Duration bound, String name) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress("127.0.0.1", port), (int) bound.toMillis());
      return new TcpProbe(socket, name);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * Accepts a connection from a student's program on {@code listener}, waiting up to {@code bound}
   * (in short steps, to notice when the program ends first).
   *
   * @throws Unmet when the program ended, or did not connect in time
   */
  public static TcpProbe accept(
      ServerSocket listener, StudentProcess program, Duration bound, String name)
      throws IOException, InterruptedException, Unmet {
    long deadline = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < deadline) {
      listener.setSoTimeout(100);
      try {
        Socket socket = listener.accept();
        socket.setTcpNoDelay(true);
        return new TcpProbe(socket, name);
      } catch (SocketTimeoutException notYet) {
        if (!program.isAlive()) {
          program.awaitExit(Duration.ofSeconds(1));
          throw new Unmet(
              Verdict.fail(
                  "your program to connect to port " + listener.getLocalPort(),
                  "it " + program.describeEnd() + " without connecting",
                  "connect with new Socket(\"127.0.0.1\", Integer.parseInt(args[0]))"));
        }
      }
    }
    throw new Unmet(
        Verdict.fail(
            "your program to connect to port " + listener.getLocalPort(),
            "it did not connect within " + bound.toSeconds() + " s",
            "connect first thing in main: new Socket(\"127.0.0.1\", Integer.parseInt(args[0]))"));
  }

  public Socket socket() {
    return socket;
  }

  /** Sends {@code text} as UTF-8 in one write. */
  public void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.UTF_8));
  }

  public void send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    frames.add(line(true, bytes));
  }

  /** Closes the sending direction (FIN): the other side reads the end of the stream. */
  public void finishSending() throws IOException {
    socket.shutdownOutput();
    frames.add(direction(true) + ": Flags [F.], length 0");
  }

  /** Reads until {@code done} holds for the bytes so far, the stream ends, or the bound passes. */
  public Read readUntil(Predicate<byte[]> done, Duration bound) throws IOException {
    long deadline = System.nanoTime() + bound.toNanos();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    boolean closed = false;
    while (!done.test(got.toByteArray())) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        break;
      }
      socket.setSoTimeout((int) Math.max(1, left));
      int n;
      try {
        n = in.read(buffer);
      } catch (SocketTimeoutException e) {
        break;
      }
      if (n < 0) {
        closed = true;
        frames.add(direction(false) + ": Flags [F.], length 0");
        break;
      }
      got.write(buffer, 0, n);
      frames.add(line(false, Arrays.copyOf(buffer, n)));
    }
    byte[] bytes = got.toByteArray();
    End end = done.test(bytes) ? End.COMPLETE : closed ? End.CLOSED : End.TIMED_OUT;
    return new Read(bytes, end);
  }

  /** Reads exactly {@code count} bytes, or what came before the stream ended or the bound. */
  public Read readBytes(int count, Duration bound) throws IOException {
    return readUntil(bytes -> bytes.length >= count, bound);
  }

  /** Reads until a byte {@code \n} arrived. */
  public Read readLine(Duration bound) throws IOException {
    return readUntil(TcpProbe::endsWithNewline, bound);
  }

  /** Reads until the other side closes its direction, within {@code bound}. */
  public Read readToEnd(Duration bound) throws IOException {
    return readUntil(bytes -> false, bound);
  }

  private static boolean endsWithNewline(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '\n') {
        return true;
      }
    }
    return false;
  }

  /** The frames so far, in the inspector's one-line notation. */
  public List<String> frames() {
    return List.copyOf(frames);
  }

  private String line(boolean outgoing, byte[] bytes) {
    return direction(outgoing)
        + ": Flags [P.], length "
        + bytes.length
        + " "
        + Quote.text(new String(bytes, StandardCharsets.UTF_8));
  }

  private String direction(boolean outgoing) {
    String checker = name + " 127.0.0.1." + socket.getLocalPort();
    String student = "you 127.0.0.1." + socket.getPort();
    return "IP " + (outgoing ? checker + " > " + student : student + " > " + checker);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
