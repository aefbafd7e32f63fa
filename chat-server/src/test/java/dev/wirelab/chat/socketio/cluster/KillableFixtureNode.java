package dev.wirelab.chat.socketio.cluster;

import dev.wirelab.chat.fixture.FixtureCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Wirelab cluster node in a JVM of its own ({@code wirelab chat --fixture --redis URL --adapter
 * streams}), so a test can kill it with SIGKILL: no shutdown hook, no close, nothing persisted on
 * the way out.
 */
final class KillableFixtureNode implements AutoCloseable {
  private static final Pattern LISTENING =
      Pattern.compile("protocol fixture on http://127\\.0\\.0\\.1:([0-9]+):");

  private final Process process;
  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  private final Thread reader;

  private KillableFixtureNode(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "killable-fixture-node-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the node on a free port and waits (up to 30 s) until it listens. */
  static KillableFixtureNode start(String redisUrl) throws Exception {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            KillableFixtureNode.class.getName(),
            redisUrl);
    KillableFixtureNode node =
        new KillableFixtureNode(
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start());
    try {
      node.port.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      node.close();
      throw e;
    }
    return node;
  }

  /** The child's entry point: the fixture as {@code ./wirelab chat --fixture} runs it. */
  public static void main(String[] args) throws InterruptedException {
    System.exit(FixtureCommand.on("127.0.0.1", 0, args[0], "streams", null).call());
  }

  String url() {
    return "http://127.0.0.1:" + port.join();
  }

  private void read() {
    try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher listening = LISTENING.matcher(line);
        if (listening.find()) {
          port.complete(Integer.parseInt(listening.group(1)));
        }
      }
    } catch (IOException e) {
      port.completeExceptionally(e);
    }
    port.completeExceptionally(new IllegalStateException("the node ended before it listened"));
  }

  /** SIGKILL, and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the killed node is still there after 10 s");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
    reader.join(5_000);
  }
}
