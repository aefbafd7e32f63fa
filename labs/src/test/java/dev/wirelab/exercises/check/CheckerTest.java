package dev.wirelab.exercises.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.Verdict;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckerTest {
  @TempDir Path sources;

  @Test
  void aCheckStuckOnAHungProgramIsStoppedByTheBoundAndTheNextOneStillRuns() throws Exception {
    Files.writeString(
        sources.resolve("Hangs.java"),
        "public class Hangs { public static void main(String[] a) { while (true) { } } }");
    Exercise exercise =
        new Exercise(
            "99",
            "test",
            List.of(
                new Requirement(
                    "hangs",
                    "waits for the end",
                    code -> {
                      code.startProgram("Hangs").awaitExit(Duration.ofMinutes(10));
                      return Verdict.pass();
                    }),
                new Requirement("next", "runs afterwards", code -> Verdict.pass()),
                new Requirement(
                    "io",
                    "fails on the wire",
                    code -> {
                      throw new ConnectException("Connection refused");
                    })));

    CheckReport report =
        new Checker(Clock.systemUTC(), Duration.ofSeconds(2)).check(exercise, sources);

    assertThat(report.failed()).containsExactly("hangs", "io");
    assertThat(report.verdict("hangs").orElseThrow().observed())
        .isEqualTo("the check was still waiting for your program when time ran out");
    assertThat(report.verdict("io").orElseThrow().observed()).startsWith("the connection failed:");
    assertThat(report.met()).isEqualTo(1);
  }

  @Test
  void codeThatDoesNotCompileRunsNoRequirement() throws Exception {
    Files.writeString(sources.resolve("A.java"), "class A { void f() { undefined(); } }");
    Exercise exercise =
        new Exercise(
            "99",
            "test",
            List.of(
                new Requirement(
                    "never",
                    "is never run",
                    code -> {
                      throw new AssertionError("ran a requirement on code that does not compile");
                    })));

    CheckReport report = new Checker(Clock.systemUTC()).check(exercise, sources);

    assertThat(report.compile().errors())
        .singleElement()
        .asString()
        .startsWith("A.java:1: error: cannot find symbol");
    assertThat(report.outcomes()).isEmpty();
    assertThat(report.failed()).containsExactly("never");
  }
}
