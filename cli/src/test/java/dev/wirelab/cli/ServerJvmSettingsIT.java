package dev.wirelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The servers run with the JVM settings that were measured (scripts/server.jvm): the argument file
 * means what it says to this JVM, and the launcher passes it.
 */
class ServerJvmSettingsIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path SETTINGS = REPO.resolve("scripts").resolve("server.jvm");
  private static final long TIMEOUT_SECONDS = 120;

  @Test
  void everySettingInTheFileTakesEffect() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(java, "@" + SETTINGS, "-XX:+PrintCommandLineFlags", "-version")
            .redirectErrorStream(true)
            .start();
    String flags = awaitLine(process, line -> line.contains("-XX:"));

    assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(flags).isZero();
    assertThat(flags.split(" "))
        .contains(
            "-XX:+UseSerialGC",
            "-XX:MaxNewSize=8388608",
            "-XX:InitialHeapSize=268435456",
            "-XX:MaxHeapSize=1073741824",
            "-XX:TrimNativeHeapInterval=5000");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void theLauncherRunsTheBenchServerWithThem() throws Exception {
    Process process =
        new ProcessBuilder(REPO.resolve("wirelab").toString(), "bench", "server", "--port", "0")
            .redirectErrorStream(true)
            .start();
    try {
      awaitLine(process, line -> line.endsWith("ready"));
      // The launcher execs java, so this process is the JVM; its arguments are as given.
      List<String> arguments = List.of(process.info().arguments().orElseThrow());
      assertThat(arguments).contains("@" + SETTINGS);
    } finally {
      process.destroy();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** The first line of the process's output that matches, waited for at most the timeout. */
  private static String awaitLine(Process process, Predicate<String> wanted) throws Exception {
    CompletableFuture<String> found =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                BufferedReader reader =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                StringBuilder seen = new StringBuilder();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  if (wanted.test(line)) {
                    return line;
                  }
                  seen.append(line).append('\n');
                }
                throw new AssertionError("the process ended without the line awaited:\n" + seen);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return found.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
