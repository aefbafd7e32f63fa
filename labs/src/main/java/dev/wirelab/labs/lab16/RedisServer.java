package dev.wirelab.labs.lab16;

import dev.wirelab.exercises.ResourceTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code redis-server} of the lab's own: on a free loopback port, its files in a temporary
 * directory, nothing saved, stopped and removed by {@link #close()}.
 */
final class RedisServer implements AutoCloseable {
  private static final long START_SECONDS = 10;

  private final Process process;
  private final Path directory;
  private final int port;
  private final String version;

  private RedisServer(Process process, Path directory, int port, String version) {
    this.process = process;
    this.directory = directory;
    this.port = port;
    this.version = version;
  }

  /** Starts one; empty when {@code redis-server} is not installed. */
  static Optional<RedisServer> startIfInstalled() throws IOException, InterruptedException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Path directory = Files.createTempDirectory("wirelab-lab16-redis-");
    Process process;
    try {
      ProcessBuilder redis =
          new ProcessBuilder(
                  List.of(
                      "redis-server",
                      "--port",
                      String.valueOf(port),
                      "--bind",
                      "127.0.0.1",
                      "--dir",
                      directory.toString(),
                      "--save",
                      "",
                      "--appendonly",
                      "no"))
              .redirectErrorStream(true);
      withoutLibfaketime(redis);
      process = redis.start();
    } catch (IOException notInstalled) {
      Files.delete(directory);
      return Optional.empty();
    }
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> watchForReady(process, ready), "lab16-redis-output");
    reader.setDaemon(true);
    reader.start();
    try {
      String version = ready.get(START_SECONDS, TimeUnit.SECONDS);
      return Optional.of(new RedisServer(process, directory, port, version));
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      ResourceTree.deleteTree(directory);
      throw new IOException(
          "redis-server did not start on port " + port + ": " + e.getMessage(), e);
    }
  }

  /**
   * The suite is run once under libfaketime to show that nothing depends on the date; redis-server
   * cannot start with it preloaded (jemalloc's clock_gettime recursion), and the lab's Redis needs
   * no date of its own.
   */
  private static void withoutLibfaketime(ProcessBuilder builder) {
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("FAKETIME"));
    if (environment.getOrDefault("LD_PRELOAD", "").contains("faketime")) {
      environment.remove("LD_PRELOAD");
    }
  }

  /** Reads the server's log until it says it is ready; its version comes from the first lines. */
  private static void watchForReady(Process process, CompletableFuture<String> ready) {
    String version = "?";
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        int at = line.indexOf("version=");
        if (at >= 0) {
          version = line.substring(at + "version=".length()).split("[ ,]")[0];
        }
        if (line.contains("Ready to accept connections")) {
          ready.complete(version);
        }
      }
      ready.completeExceptionally(new IOException("it exited with code " + process.waitFor()));
    } catch (IOException | InterruptedException e) {
      ready.completeExceptionally(e);
    }
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  String version() {
    return version;
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    ResourceTree.deleteTree(directory);
  }
}
