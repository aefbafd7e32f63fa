package dev.wirelab.labs.lab02;

import dev.wirelab.labs.support.Narrator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One end of a full-duplex conversation: a reader thread prints every line the other end sends
 * while a writer thread sends ours, over the same socket, at the same time.
 */
final class DuplexPeer {
  /** Where the writer's lines come from: the terminal, or the demo's script. Null ends. */
  interface LineSource {
    String next() throws IOException, InterruptedException;
  }

  private final Socket socket;
  private final Narrator narrator;
  private final Timeline timeline;
  private final List<String> heard = Collections.synchronizedList(new ArrayList<>());
  private final Semaphore heardCount = new Semaphore(0);
  private final Thread reader;
  private Thread writer;
  private volatile long firstSent;
  private volatile long lastSent;

  private DuplexPeer(Socket socket, Narrator narrator, Timeline timeline) {
    this.socket = socket;
    this.narrator = narrator;
    this.timeline = timeline;
    this.reader = new Thread(this::readLines, "lab02-reader-" + socket.getLocalPort());
  }

  /** Starts the reader: from now on, every line the other end sends is printed as it arrives. */
  static DuplexPeer startListening(Socket socket, Narrator narrator, Timeline timeline) {
    DuplexPeer peer = new DuplexPeer(socket, narrator, timeline);
    peer.reader.start();
    return peer;
  }

  /** Starts sending the lines of {@code source}; when it ends, half-closes: "I'm done talking". */
  void startWriting(LineSource source) {
    writer = new Thread(() -> writeLines(source), "lab02-writer-" + socket.getLocalPort());
    // In the terminal modes the writer may sit in a stdin read after the conversation is over.
    writer.setDaemon(true);
    writer.start();
  }

  private void writeLines(LineSource source) {
    try {
      OutputStream out = socket.getOutputStream();
      String line;
      while ((line = source.next()) != null) {
        // Narrate before sending, so the other end's "heard" line can never be printed first.
        long now = timeline.stamp(narrator, "says  \"%s\"", line);
        if (firstSent == 0) {
          firstSent = now;
        }
        lastSent = now;
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
      socket.shutdownOutput();
      narrator.say("done talking: sent FIN (half-close), still listening");
    } catch (IOException e) {
      narrator.say("sending failed: %s", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      narrator.say("stopped sending: interrupted");
    }
  }

  private void readLines() {
    try {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        timeline.stamp(narrator, "heard \"%s\"", line);
        heard.add(line);
        heardCount.release();
      }
      narrator.say("the other end is done talking (end of stream)");
    } catch (IOException e) {
      narrator.say("receiving failed: %s", e.getMessage());
    }
  }

  /** Waits until {@code count} lines have been heard in total; false if that took too long. */
  boolean awaitHeard(int count, long timeoutMillis) throws InterruptedException {
    // Every line heard adds a permit; take them only to look, then give them back.
    if (!heardCount.tryAcquire(count, timeoutMillis, TimeUnit.MILLISECONDS)) {
      return false;
    }
    heardCount.release(count);
    return true;
  }

  /**
   * Waits for the other end to finish talking (0: as long as it takes, for a person typing), then
   * for our writer: in the terminal modes it may be stuck reading stdin, hence its own limit.
   */
  void awaitEnd(long readerTimeoutMillis, long writerTimeoutMillis) throws InterruptedException {
    reader.join(readerTimeoutMillis);
    if (writer != null) {
      writer.join(writerTimeoutMillis);
    }
  }

  List<String> heard() {
    return List.copyOf(heard);
  }

  long firstSent() {
    return firstSent;
  }

  long lastSent() {
    return lastSent;
  }
}
