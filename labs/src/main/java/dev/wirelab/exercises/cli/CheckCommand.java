package dev.wirelab.exercises.cli;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.ResourceTree;
import dev.wirelab.exercises.check.CheckReport;
import dev.wirelab.exercises.check.Checker;
import dev.wirelab.exercises.check.ReportPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./wirelab check NN}: compiles the student's exercise and checks it on the wire. */
@Command(
    name = "check",
    description = {
      "Compile your exercise and check it, requirement by requirement, over real sockets.",
      "  ./wirelab check 01              checks ./wirelab-work/lab01",
      "  ./wirelab check 01 --json       one JSON object, for a teacher collecting results",
      "  ./wirelab check 01 --reference  checks the model solution (every requirement passes)",
      "Exit code 0 when every requirement is met, 1 otherwise."
    },
    mixinStandardHelpOptions = true)
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NN", description = "the exercise number")
  String number;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "the folder with your sources (default: ./wirelab-work/labNN)")
  Path dir;

  @Option(names = "--json", description = "print one JSON object instead of the ✓/✗ lines")
  boolean json;

  @Option(names = "--reference", description = "check the model solution instead of your work")
  boolean reference;

  private final Clock clock;

  public CheckCommand() {
    this(Clock.systemUTC());
  }

  CheckCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Exercise exercise = ExerciseCommand.find(number);
    PrintWriter out = spec.commandLine().getOut();
    Consumer<CheckReport.Outcome> onEach =
        json ? outcome -> {} : outcome -> ReportPrinter.printOutcome(outcome, out);
    CheckReport report =
        reference
            ? checkReference(exercise, onEach)
            : check(exercise, dir != null ? dir : Path.of(exercise.defaultWorkDir()), onEach);
    if (json) {
      out.println(ReportPrinter.json(report));
      out.flush();
    } else {
      ReportPrinter.printSummary(report, out);
    }
    return report.allMet() ? 0 : 1;
  }

  private CheckReport check(Exercise exercise, Path sources, Consumer<CheckReport.Outcome> onEach)
      throws IOException, InterruptedException {
    return new Checker(clock).check(exercise, sources, onEach);
  }

  private CheckReport checkReference(Exercise exercise, Consumer<CheckReport.Outcome> onEach)
      throws IOException, InterruptedException {
    Path copy = Files.createTempDirectory("wirelab-reference-" + exercise.number() + "-");
    try {
      ResourceTree.copy(getClass().getClassLoader(), exercise.referenceResource(), copy);
      return check(exercise, copy, onEach);
    } finally {
      ResourceTree.deleteTree(copy);
    }
  }
}
