package dev.wirelab.exercises.cli;

import dev.wirelab.common.cli.UserError;
import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.ExerciseCatalog;
import dev.wirelab.exercises.ResourceTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./wirelab exercise list} and {@code ./wirelab exercise NN}: start an exercise. */
@Command(
    name = "exercise",
    description = {
      "Start an exercise: writes its skeleton, with TASK.md and TODOs, to ./wirelab-work/labNN/.",
      "  ./wirelab exercise list     the exercises, with the lab each one follows",
      "  ./wirelab exercise 01       start exercise 01, then: ./wirelab check 01"
    },
    mixinStandardHelpOptions = true)
public final class ExerciseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NN|list", description = "an exercise number, or list")
  String which;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "where to write the skeleton (default: ./wirelab-work/labNN)")
  Path dir;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if ("list".equals(which)) {
      list(out);
      return 0;
    }
    Exercise exercise = find(which);
    Path target = dir != null ? dir : Path.of(exercise.defaultWorkDir());
    if (holdsFiles(target)) {
      throw new UserError(
          target
              + " already holds work, so nothing was written: check it with "
              + checkCommand(exercise)
              + ", or start afresh in another folder with --dir");
    }
    List<Path> written =
        ResourceTree.copy(
            ExerciseCommand.class.getClassLoader(), exercise.skeletonResource(), target);
    out.printf(
        "exercise %s, %s: wrote %d file(s) to %s%n",
        exercise.number(), exercise.title(), written.size(), target);
    written.forEach(file -> out.println("  " + file));
    out.printf(
        "read %s, fill in the TODOs, then run: %s%n",
        target.resolve("TASK.md"), checkCommand(exercise));
    out.flush();
    return 0;
  }

  private String checkCommand(Exercise exercise) {
    return "./wirelab check " + exercise.number() + (dir != null ? " --dir " + dir : "");
  }

  private static boolean holdsFiles(Path target) throws IOException {
    if (!Files.exists(target)) {
      return false;
    }
    if (!Files.isDirectory(target)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(target)) {
      return entries.findAny().isPresent();
    }
  }

  static void list(PrintWriter out) {
    for (Exercise exercise : ExerciseCatalog.EXERCISES) {
      out.printf(
          "%s  %-52s after lab %s, %d requirements%n",
          exercise.number(), exercise.title(), exercise.number(), exercise.requirements().size());
    }
    out.println();
    out.println("Start one: ./wirelab exercise 01   Check it: ./wirelab check 01");
    out.flush();
  }

  static Exercise find(String number) {
    return ExerciseCatalog.find(number)
        .orElseThrow(
            () ->
                new UserError(
                    "no exercise " + number + ": ./wirelab exercise list shows them", 2, null));
  }
}
