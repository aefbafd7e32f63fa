package dev.wirelab.exercises.check;

import dev.wirelab.common.cli.ErrorMessages;
import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.ResourceTree;
import dev.wirelab.exercises.Unmet;
import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.sandbox.StudentCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Compiles a student's folder and runs an exercise's requirements against it, one at a time, each
 * with fresh processes and within a time bound, so one broken requirement cannot spoil the next.
 */
public final class Checker {
  /** The most one requirement's check may take, whatever the student's code does. */
  public static final Duration REQUIREMENT_BOUND = Duration.ofSeconds(30);

  private final Clock clock;
  private final Duration bound;

  public Checker(Clock clock) {
    this(clock, REQUIREMENT_BOUND);
  }

  public Checker(Clock clock, Duration bound) {
    this.clock = clock;
    this.bound = bound;
  }

  /** Compiles {@code sources} and, if that worked, checks every requirement of {@code exercise}. */
  public CheckReport check(Exercise exercise, Path sources)
      throws IOException, InterruptedException {
    return check(exercise, sources, outcome -> {});
  }

  /**
   * Like {@link #check(Exercise, Path)}, and tells {@code onEach} about each requirement as soon as
   * it is judged, so the student sees the first result while the rest still run.
   */
  public CheckReport check(Exercise exercise, Path sources, Consumer<CheckReport.Outcome> onEach)
      throws IOException, InterruptedException {
    Path absolute = sources.toAbsolutePath().normalize();
    Path classes = Files.createTempDirectory("wirelab-check-" + exercise.number() + "-");
    try {
      CompileResult compiled = StudentCompiler.compile(absolute, classes);
      List<CheckReport.Outcome> outcomes = new ArrayList<>();
      if (compiled.ok()) {
        for (Requirement requirement : exercise.requirements()) {
          CheckReport.Outcome outcome =
              new CheckReport.Outcome(requirement, run(requirement, classes));
          outcomes.add(outcome);
          onEach.accept(outcome);
        }
      }
      return new CheckReport(exercise, absolute, clock.instant(), compiled, outcomes);
    } finally {
      ResourceTree.deleteTree(classes);
    }
  }

  private Verdict run(Requirement requirement, Path classes) throws InterruptedException {
    ExecutorService runner =
        Executors.newSingleThreadExecutor(
            task -> new Thread(task, "wirelab-check-" + requirement.id()));
    StudentCode code = new StudentCode(classes);
    try {
      Future<Verdict> verdict = runner.submit(() -> requirement.check().run(code));
      try {
        return verdict.get(bound.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // Killing the student's processes ends whatever read or accept the check waits in.
        code.close();
        verdict.cancel(true);
        return Verdict.fail(
            "a result within " + bound.toSeconds() + " s",
            "the check was still waiting for your program when time ran out",
            "look for an endless loop, or a read that waits for data that never comes");
      } catch (ExecutionException e) {
        return failureOf(e.getCause());
      }
    } finally {
      code.close();
      runner.shutdownNow();
      if (!runner.awaitTermination(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the check of " + requirement.id() + " did not stop");
      }
    }
  }

  /** A check that threw: an I/O error is the student's program misbehaving on the wire. */
  private static Verdict failureOf(Throwable error) {
    if (error instanceof Unmet unmet) {
      return unmet.verdict();
    }
    if (error instanceof IOException) {
      return Verdict.fail(
          "your program to keep talking on the wire",
          "the connection failed: " + ErrorMessages.describe(error),
          "run your program by hand and try it with nc or the lab's client");
    }
    // A check that breaks on what the student's code did is still an answer for the student;
    // the reference passing every check in the tests is what keeps the checks themselves right.
    return Verdict.fail(
        "",
        "the checker could not make sense of what your program did ("
            + error.getClass().getSimpleName()
            + ": "
            + error.getMessage()
            + ")",
        "run it by hand; if it looks right, show this to your teacher");
  }
}
