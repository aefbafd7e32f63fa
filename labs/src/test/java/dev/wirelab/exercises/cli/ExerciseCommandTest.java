package dev.wirelab.exercises.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.common.cli.CommandRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExerciseCommandTest {
  @TempDir Path work;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Object command, String... args) {
    CommandLine cli = CommandRunner.configure(new CommandLine(command));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void listShowsEveryExerciseWithItsLab() {
    assertThat(run(new ExerciseCommand(), "list")).isZero();
    assertThat(out.toString()).contains("01  an echo server", "after lab 01");
  }

  @Test
  void writesTheSkeletonAndRefusesToOverwriteIt() throws Exception {
    Path dir = work.resolve("lab01");
    assertThat(run(new ExerciseCommand(), "01", "--dir", dir.toString())).isZero();
    assertThat(dir.resolve("TASK.md")).isRegularFile();
    assertThat(dir.resolve("EchoServer.java")).content().contains("TODO 1");
    Files.writeString(dir.resolve("EchoServer.java"), "// my work");

    assertThat(run(new ExerciseCommand(), "1", "--dir", dir.toString())).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("error: ")
        .contains("already holds work")
        .doesNotContain("Exception");
    assertThat(dir.resolve("EchoServer.java")).hasContent("// my work");
  }

  @Test
  void anUnknownNumberIsAUsageError() {
    assertThat(run(new ExerciseCommand(), "99")).isEqualTo(2);
    assertThat(err.toString()).contains("no exercise 99");
  }

  @Test
  void checkJsonIsOneObjectAndTheExitCodeSaysWhetherAllWereMet() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    Path dir = work.resolve("mine");
    run(new ExerciseCommand(), "01", "--dir", dir.toString());
    out.getBuffer().setLength(0);

    assertThat(run(new CheckCommand(clock), "01", "--dir", dir.toString(), "--json")).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(report.get("exercise").asText()).isEqualTo("01");
    assertThat(report.get("checkedAt").asText()).isEqualTo("2026-03-02T09:00:00Z");
    assertThat(report.get("met").asInt()).isZero();
    assertThat(report.get("requirements")).hasSize(report.get("total").asInt());
    assertThat(report.get("requirements").get(0).get("hint").asText()).isNotBlank();
  }

  @Test
  void checkReferencePassesAndSaysSo() {
    assertThat(run(new CheckCommand(), "01", "--reference")).isZero();
    assertThat(out.toString())
        .contains("  ✓ serves several clients at once")
        .endsWith("4 of 4 requirements met\n");
  }

  @Test
  void aMissingFolderIsOneClearLine() {
    assertThat(run(new CheckCommand(), "01", "--dir", work.resolve("nope").toString()))
        .isEqualTo(1);
    assertThat(err.toString()).startsWith("error: no folder ").doesNotContain("Exception");
  }
}
