package dev.wirelab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.support.LabInfo;
import dev.wirelab.labs.support.LabRun;
import dev.wirelab.labs.support.ProjectorWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Lab output is read on a projector: every registered lab's demo fits in 100 columns. */
class LabDemoWidthTest {
  static Stream<LabInfo> labs() {
    return LabCatalog.LABS.stream();
  }

  @ParameterizedTest(name = "lab {0}")
  @MethodSource("labs")
  void everyDemoLineFitsInOneHundredColumns(LabInfo lab, @TempDir Path dir) {
    Object command = lab.factory().get();
    List<String> args = new ArrayList<>(List.of("demo"));
    CommandLine.Model.CommandSpec spec = new CommandLine(command).getCommandSpec();
    if (spec.findOption("--port") != null) {
      args.addAll(List.of("--port", "0"));
    }
    // A lab that writes a file writes it here, not into the working directory.
    CommandLine.Model.OptionSpec out = spec.findOption("--out");
    if (out != null) {
      boolean wantsDirectory = out.paramLabel().equals("DIR");
      args.addAll(
          List.of(
              "--out",
              (wantsDirectory ? dir : dir.resolve("lab" + lab.number() + ".pcap")).toString()));
    }

    LabRun run = LabRun.of(command, args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(
            run.out()
                .lines()
                .filter(line -> line.codePointCount(0, line.length()) > ProjectorWriter.COLUMNS))
        .as("lines of lab %s's demo wider than %d columns", lab.number(), ProjectorWriter.COLUMNS)
        .isEmpty();
  }
}
