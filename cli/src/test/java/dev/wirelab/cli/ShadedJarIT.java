package dev.wirelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar wirelab.jar} alone, named by a relative path, as the course plan tells it. */
class ShadedJarIT {
  private static final Path JAR = Path.of("target", "wirelab.jar").toAbsolutePath();

  @Test
  void checksAnExerciseFromTheJarsOwnFolder(@TempDir Path stick) throws Exception {
    Files.copy(JAR, stick.resolve("wirelab.jar"));

    Run run = run(stick, "check", "01", "--reference");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("4 of 4 requirements met");
  }

  private record Run(int exitCode, String output) {}

  private static Run run(Path folder, String... args) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String[] command = new String[args.length + 3];
    command[0] = java;
    command[1] = "-jar";
    command[2] = "wirelab.jar";
    System.arraycopy(args, 0, command, 3, args.length);
    Path log = folder.resolve("output.txt");
    Process process =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("wirelab.jar did not finish in 120 s:\n" + Files.readString(log));
    }
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
