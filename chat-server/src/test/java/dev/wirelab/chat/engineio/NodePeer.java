package dev.wirelab.chat.engineio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/node/engineio/peer.mjs}, the official engine.io-client, as a child
 * process; its JSON lines become {@link JsonNode}s.
 */
final class NodePeer implements AutoCloseable {
  private static final Path FOLDER = Path.of("src/test/node/engineio");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WAIT_SECONDS = 30;

  private final Process process;
  private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
  private final Thread reader;

  private NodePeer(Process process) {
    this.process = process;
    this.reader = new Thread(this::readLines, "node-peer-reader");
    reader.start();
  }

  /** Starts a scenario of peer.mjs against {@code http://127.0.0.1:port}. */
  static NodePeer start(String scenario, int port, Object argument) throws IOException {
    if (!Files.isDirectory(FOLDER.resolve("node_modules/engine.io-client"))) {
      throw new IllegalStateException("engine.io-client is not installed in " + FOLDER.toAbsolutePath()
          + "; run scripts/install-test-deps.sh");
    }
    ProcessBuilder builder = new ProcessBuilder("node", "peer.mjs", scenario,
        "http://127.0.0.1:" + port, String.valueOf(argument))
        .directory(FOLDER.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    return new NodePeer(builder.start());
  }

  /** Runs a scenario to its end and returns everything it printed. */
  static List<JsonNode> run(String scenario, int port, Object argument)
      throws IOException, InterruptedException {
    try (NodePeer peer = start(scenario, port, argument)) {
      if (!peer.process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("node " + scenario + " did not finish in " + WAIT_SECONDS + " s");
      }
      peer.reader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
      List<JsonNode> all = new ArrayList<>();
      peer.lines.drainTo(all);
      return all;
    }
  }

  /** The next line the peer printed, waiting a bounded time. */
  JsonNode next() throws InterruptedException {
    JsonNode line = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("the node peer printed nothing within " + WAIT_SECONDS + " s");
    }
    return line;
  }

  private void readLines() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(JSON.readTree(line));
      }
    } catch (IOException e) {
      // When the peer is killed the JDK closes its output pipe under the reader: that is the end.
      if (process.isAlive()) {
        throw new UncheckedIOException("cannot read the node peer's output", e);
      }
    }
  }

  /** Kills the peer at once, like a client whose machine vanished, and waits for it to go. */
  @Override
  public void close() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("the node peer did not die");
      }
      reader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while stopping the node peer", e);
    }
  }
}
