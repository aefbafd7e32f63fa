package dev.wirelab.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} for one test class: on a free loopback port, with its files in a
 * temporary directory, stopped (and the directory removed) by {@link #close()}. It can be stopped
 * and started again on the same port and directory, to test a Redis restart.
 */
public final class RedisServerProcess implements AutoCloseable {
  private static final long START_SECONDS = 10;

  private final Path directory;
  private final int port;
  private final List<String> extraArguments;
  private Process process;

  private RedisServerProcess(Path directory, int port, List<String> extraArguments) {
    this.directory = directory;
    this.port = port;
    this.extraArguments = extraArguments;
  }

  /** Starts one; {@code extraArguments} are redis-server options such as "--appendonly", "yes". */
  public static RedisServerProcess start(String... extraArguments) throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    RedisServerProcess redis =
        new RedisServerProcess(
            Files.createTempDirectory("wirelab-redis-"), port, List.of(extraArguments));
    redis.startAgain();
    return redis;
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Starts the server (again) and waits until it accepts connections. */
  public synchronized void startAgain() throws IOException {
    List<String> command =
        new ArrayList<>(
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
                "--daemonize",
                "no"));
    command.addAll(extraArguments);
    process = RealClock.forChild(new ProcessBuilder(command).redirectErrorStream(true)).start();
    CountDownLatch ready = new CountDownLatch(1);
    StringBuilder output = new StringBuilder();
    Process started = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in = started.inputReader(StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  synchronized (output) {
                    output.append(line).append('\n');
                  }
                  if (line.contains("Ready to accept connections")) {
                    ready.countDown();
                  }
                }
              } catch (IOException e) {
                // the process ended: its pipe closed
              }
            },
            "redis-server-" + port + "-output");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!ready.await(START_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        synchronized (output) {
          throw new IllegalStateException(
              "redis-server did not start within " + START_SECONDS + " s:\n" + output);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while redis-server started", e);
    }
  }

  /** SIGTERM (a clean shutdown), waiting at most 10 s. */
  public synchronized void stop() {
    end(false);
  }

  /** SIGKILL: Redis gets no chance to write anything more. */
  public synchronized void kill() {
    end(true);
  }

  private void end(boolean forcibly) {
    if (process == null) {
      return;
    }
    if (forcibly) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  @Override
  public synchronized void close() {
    kill();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + directory, e);
    }
  }
}
