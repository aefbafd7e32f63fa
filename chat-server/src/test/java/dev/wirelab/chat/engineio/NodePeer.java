package dev.wirelab.chat.engineio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.chat.node.JsonLines;
import dev.wirelab.chat.node.NodeScript;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/node/engineio/peer.mjs}, the official engine.io-client, as a child process;
 * its JSON lines become {@link JsonNode}s.
 */
final class NodePeer implements AutoCloseable {
  private static final long WAIT_SECONDS = 30;

  private final Process process;
  private final JsonLines lines;

  private NodePeer(Process process) {
    this.process = process;
    this.lines = new JsonLines(process, "node peer", WAIT_SECONDS);
  }

  /** Starts a scenario of peer.mjs against {@code http://127.0.0.1:port}. */
  static NodePeer start(String scenario, int port, Object argument) throws IOException {
    return new NodePeer(
        NodeScript.start(
            "engineio",
            "engine.io-client",
            "peer.mjs",
            scenario,
            "http://127.0.0.1:" + port,
            String.valueOf(argument)));
  }

  /** Runs a scenario to its end and returns everything it printed. */
  static List<JsonNode> run(String scenario, int port, Object argument)
      throws IOException, InterruptedException {
    try (NodePeer peer = start(scenario, port, argument)) {
      if (!peer.process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("node " + scenario + " did not finish in " + WAIT_SECONDS + " s");
      }
      return peer.lines.rest();
    }
  }

  /** The next line the peer printed, waiting a bounded time. */
  JsonNode next() throws InterruptedException {
    return lines.next();
  }

  /** Kills the peer at once, like a client whose machine vanished, and waits for it to go. */
  @Override
  public void close() {
    lines.ending();
    process.destroyForcibly();
    try {
      if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("the node peer did not die");
      }
      lines.rest();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while stopping the node peer", e);
    }
  }
}
