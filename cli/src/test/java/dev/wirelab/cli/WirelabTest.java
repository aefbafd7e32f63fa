package dev.wirelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WirelabTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Wirelab.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void helpListsTheSubcommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("lab", "exercise", "check", "inspect", "chat", "bench");
  }

  @Test
  void unknownSubcommandIsOneClearLineAndExitCodeTwo() {
    assertThat(run("labz")).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: ").doesNotContain("Exception", "\tat ");
  }
}
