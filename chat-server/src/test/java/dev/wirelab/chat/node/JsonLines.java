package dev.wirelab.chat.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.chat.socketio.protocol.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a Node peer's stdout on a thread of its own, one JSON value a line, for the test to take
 * with a bounded wait.
 */
public final class JsonLines {
  private final Process process;
  private final String peer;
  private final long waitSeconds;
  private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
  private final Thread reader;
  private volatile boolean ending;

  /** Starts reading at once; {@code peer} names the process in failures and the thread. */
  public JsonLines(Process process, String peer, long waitSeconds) {
    this.process = process;
    this.peer = peer;
    this.waitSeconds = waitSeconds;
    this.reader = new Thread(this::read, peer + "-reader");
    reader.start();
  }

  /** The next line, waiting at most the wait given to the constructor. */
  public JsonNode next() throws InterruptedException {
    JsonNode line = lines.poll(waitSeconds, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("the " + peer + " printed nothing within " + waitSeconds + " s");
    }
    return line;
  }

  /**
   * Says the process is being ended on purpose, so its pipe closing under the reader is no error.
   */
  public void ending() {
    ending = true;
  }

  /**
   * Waits, bounded, for the reader to see the end of the output, then returns every line not yet
   * taken.
   */
  public List<JsonNode> rest() throws InterruptedException {
    reader.join(TimeUnit.SECONDS.toMillis(waitSeconds));
    List<JsonNode> all = new ArrayList<>();
    lines.drainTo(all);
    return all;
  }

  private void read() {
    try (BufferedReader in = process.inputReader(StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(Json.MAPPER.readTree(line));
      }
    } catch (IOException e) {
      // A killed process's output pipe is closed by the JDK under the reader: that is the end.
      if (!ending) {
        throw new UncheckedIOException("cannot read the " + peer + "'s output", e);
      }
    }
  }
}
