package dev.wirelab.labs.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.common.cli.CommandRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of a lab command as {@code ./wirelab} runs it, with its output captured. */
public record LabRun(int exitCode, String out, String err) {

  public static LabRun of(Object lab, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = CommandRunner.configure(new CommandLine(lab));
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    int exitCode = command.execute(args);
    return new LabRun(exitCode, out.toString(), err.toString());
  }

  /**
   * The output as running text: every run of spaces and line breaks one space, so a sentence folded
   * for the projector ({@link ProjectorWriter}) reads as one.
   */
  public String prose() {
    return out.replaceAll("\\s+", " ");
  }

  /** Asserts the run failed with exactly one {@code error:} line and no stack trace. */
  public String assertOneLineError() {
    assertThat(exitCode).as("exit code; stderr: %s", err).isNotZero();
    assertThat(err).doesNotContain("Exception").doesNotContainPattern("(?m)^\\s+at ");
    assertThat(err.lines().filter(line -> line.startsWith("error: ")))
        .as("stderr: %s", err)
        .hasSize(1);
    return err.lines().filter(line -> line.startsWith("error: ")).findFirst().orElseThrow();
  }
}
