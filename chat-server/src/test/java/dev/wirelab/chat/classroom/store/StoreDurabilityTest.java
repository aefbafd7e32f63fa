package dev.wirelab.chat.classroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 after an ack: every acknowledged message is in the file when a new process opens it. Both
 * ends are child JVMs, like a server and its restart (SQLite's recovery of the left-over
 * write-ahead log also opens a logging socket that would otherwise stay in the test JVM).
 */
class StoreDurabilityTest {
  private static final int COUNT = 50;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedMessageSurvivesAKilledWriter() throws Exception {
    Path file = dir.resolve("chat.db");

    Process writer = start("write", file.toString(), Integer.toString(COUNT));
    List<String> acks;
    try {
      acks = readLines(writer, COUNT);
    } finally {
      writer.destroyForcibly();
      assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
      writer.getOutputStream().close();
    }
    assertThat(acks).hasSize(COUNT).last().isEqualTo("acked " + COUNT);

    Process reader = start("read", file.toString());
    List<String> stored = readLines(reader, Integer.MAX_VALUE);
    assertThat(reader.waitFor(30, TimeUnit.SECONDS)).isTrue();
    reader.getOutputStream().close();

    assertThat(reader.exitValue()).isZero();
    assertThat(stored)
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, COUNT).mapToObj(i -> "message " + i).toList());
  }

  private static Process start(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StoreProcess.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  /** Reads up to {@code max} lines; returns early when the process closes its output. */
  private static List<String> readLines(Process process, int max) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; lines.size() < max && (line = out.readLine()) != null; ) {
        lines.add(line);
      }
    }
    return lines;
  }
}
