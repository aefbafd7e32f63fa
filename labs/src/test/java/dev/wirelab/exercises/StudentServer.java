package dev.wirelab.exercises;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Test harness until the framework's runner is plugged in: an exercise's sources (from the
 * resources, optionally with substitutions that make a wrong solution), compiled and started
 * in a child JVM whose main gets a free port.
 */
final class StudentServer implements AutoCloseable {
  private final Process process;
  final int port;

  private StudentServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Copies the resource folders {@code exercises/NN/<folders>} into {@code dir}. */
  static Path sources(Path dir, String exercise, String... folders) throws IOException {
    for (String folder : folders) {
      URL url = StudentServer.class.getResource("/exercises/" + exercise + "/" + folder);
      if (url == null) {
        continue;
      }
      try (Stream<Path> files = Files.list(Paths.get(url.toURI()))) {
        for (Path file : files.toList()) {
          Files.copy(file, dir.resolve(file.getFileName().toString()));
        }
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return dir;
  }

  /** Replaces each key (which must occur exactly once) by its value in {@code file}. */
  static void substitute(Path file, Map<String, String> changes) throws IOException {
    String text = Files.readString(file);
    for (Map.Entry<String, String> change : changes.entrySet()) {
      int at = text.indexOf(change.getKey());
      assertTrue(at >= 0 && text.indexOf(change.getKey(), at + 1) < 0,
          "the wrong solution's change must match exactly once: " + change.getKey());
      text = text.replace(change.getKey(), change.getValue());
    }
    Files.writeString(file, text);
  }

  static Path compile(Path sources) throws IOException {
    Path classes = Files.createDirectories(sources.resolve("classes"));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
        System.getProperty("java.class.path"), "-Xlint:all", "-proc:none"));
    try (Stream<Path> files = Files.list(sources)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
    }
    int result = compiler.run(null, null, null, args.toArray(String[]::new));
    assertTrue(result == 0, "the sources compile");
    return classes;
  }

  static StudentServer start(Path classes, String mainClass, String... extraArgs) throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xss512k",
        "-cp", classes + java.io.File.pathSeparator + System.getProperty("java.class.path"),
        mainClass, String.valueOf(port)));
    command.addAll(List.of(extraArgs));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(classes.resolveSibling("output.txt").toFile()).start();
    StudentServer server = new StudentServer(process, port);
    server.awaitListening();
    return server;
  }

  String output(Path classes) throws IOException {
    return Files.readString(classes.resolveSibling("output.txt"), StandardCharsets.UTF_8);
  }

  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline && process.isAlive()) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          // Bounded retry until the child JVM has bound its port: there is nothing to wait on.
          process.waitFor(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
    }
    // An untouched skeleton may listen and close at once; either way the checks will say so.
  }

  long pid() {
    return process.pid();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the student's JVM did not stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
