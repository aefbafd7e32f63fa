package dev.wirelab.labs.lab15;

import dev.wirelab.labs.support.Narrator;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The demo: three talkers, a slow reader, a client that vanishes, and what the loop counted. */
final class SelectLoopDemo {
  private static final int TIMEOUT_MILLIS = 10_000;
  private static final int SLOW_READ_BYTES = 64 * 1024;
  private static final int SLOW_READ_PAUSE_MILLIS = 2;

  private final String host;
  private final int port;
  private final Narrator narrator;
  private final int bulkBytes;

  SelectLoopDemo(String host, int port, Narrator narrator, int bulkBytes) {
    this.host = host;
    this.port = port;
    this.narrator = narrator;
    this.bulkBytes = bulkBytes;
  }

  void run() throws Exception {
    Narrator loopSays = narrator.as("loop");
    NarrationWatch loop = new NarrationWatch(line -> loopSays.say("%s", line));
    try (SelectLoopServer server = SelectLoopServer.start(host, port, loop)) {
      InetSocketAddress address = new InetSocketAddress(host, server.port());
      narrator.heading("1. Three clients, one thread: every wake-up says who is ready");
      List<Socket> talkers = new ArrayList<>();
      try {
        for (int i = 1; i <= 3; i++) {
          talkers.add(connect(address));
        }
        for (int i = 0; i < talkers.size(); i++) {
          String line = "hello from client " + (i + 1) + "\n";
          talkers.get(i).getOutputStream().write(line.getBytes(StandardCharsets.UTF_8));
          narrator.as("client " + (i + 1)).say("echo: %s", readLine(talkers.get(i)));
        }

        narrator.heading(
            "2. A slow reader: the kernel takes part of a write, " + "OP_WRITE does the rest");
        server.narrateEveryEvent(false);
        byte[] bulk = new byte[bulkBytes];
        new SplittableRandom(15).nextBytes(bulk);
        try (Socket slow = connect(address)) {
          Narrator slowSays = narrator.as("slow");
          slowSays.say("sending %d bytes and not reading yet", bulk.length);
          CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(slow, bulk));
          loop.await(TIMEOUT_MILLIS, "OP_WRITE on");
          talkers.get(0).getOutputStream().write("still there?\n".getBytes(StandardCharsets.UTF_8));
          narrator
              .as("client 1")
              .say("echo: %s (while the slow reader's echo waits)", readLine(talkers.get(0)));
          slowSays.say(
              "now reading, %d KiB at a time with a %d ms pause",
              SLOW_READ_BYTES / 1024, SLOW_READ_PAUSE_MILLIS);
          byte[] echoed = readSlowly(slow, bulk.length);
          sending.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
          slowSays.say(
              "got %d bytes back, %s",
              echoed.length,
              Arrays.equals(echoed, bulk) ? "every one in order" : "DIFFERENT from what it sent");
        }
        loop.await(TIMEOUT_MILLIS, "client 4: end of stream");

        narrator.heading("3. A client that vanishes in the middle of a message");
        server.narrateEveryEvent(true);
        Socket vanishing = connect(address);
        vanishing.getOutputStream().write("half a mess".getBytes(StandardCharsets.UTF_8));
        narrator
            .as("client 5")
            .say("sent \"half a mess\", then reset the connection " + "(SO_LINGER 0)");
        vanishing.setSoLinger(true, 0);
        vanishing.close();
        talkers.get(1).getOutputStream().write("anyone hurt?\n".getBytes(StandardCharsets.UTF_8));
        narrator.as("client 2").say("echo: %s", readLine(talkers.get(1)));
        loop.await(TIMEOUT_MILLIS, "client 5: ", "closed");
      } finally {
        for (Socket talker : talkers) {
          talker.close();
        }
      }

      narrator.heading("4. What the one thread did");
      server.narrateEveryEvent(false);
      server.stats().lines().forEach(line -> narrator.as("loop").say("%s", line));
      narrator
          .as("loop")
          .say(
              "all of it on one thread, \"%s\"; no read or write ever blocked it",
              server.thread().getName());
    }
  }

  private static Socket connect(InetSocketAddress address) throws IOException {
    Socket socket = new Socket();
    // A small receive buffer makes the slow reader's kernel fill up sooner.
    socket.setReceiveBufferSize(32 * 1024);
    socket.connect(address, TIMEOUT_MILLIS);
    socket.setSoTimeout(TIMEOUT_MILLIS);
    return socket;
  }

  private static void send(Socket socket, byte[] bytes) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readLine(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder line = new StringBuilder();
    int next;
    while ((next = in.read()) != '\n') {
      if (next < 0) {
        throw new IOException("the server closed the connection mid-line");
      }
      line.append((char) next);
    }
    return line.toString();
  }

  /** Reads in small helpings with a pause between them: a client slower than the server. */
  private static byte[] readSlowly(Socket socket, int total)
      throws IOException, InterruptedException {
    DataInputStream in = new DataInputStream(socket.getInputStream());
    byte[] all = new byte[total];
    for (int offset = 0; offset < total; offset += SLOW_READ_BYTES) {
      in.readFully(all, offset, Math.min(SLOW_READ_BYTES, total - offset));
      Thread.sleep(SLOW_READ_PAUSE_MILLIS);
    }
    return all;
  }
}
