package dev.wirelab.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.exercises.check.CheckReport;
import dev.wirelab.exercises.check.Checker;
import dev.wirelab.exercises.check.ReportPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Proves an exercise's checker: the reference passes everything, the untouched skeleton compiles
 * and fails with clear words, and each typical wrong solution (test resources {@code
 * exercises/labNN/wrong/NAME/}) fails exactly the requirements it breaks.
 *
 * <pre>
 *   private final ExerciseProof proof = ExerciseProof.of("01");
 *   &#64;Test void reference() throws Exception { proof.referencePassesAll(); }
 *   &#64;Test void skeleton() throws Exception { proof.skeletonCompilesAndFails(); }
 *   &#64;Test void oneAtATime() throws Exception {
 *     proof.wrong("one-client-at-a-time").failsExactly("several-clients");
 *   }
 * </pre>
 */
public final class ExerciseProof {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);

  private final Exercise exercise;

  private ExerciseProof(Exercise exercise) {
    this.exercise = exercise;
  }

  public static ExerciseProof of(String number) {
    return new ExerciseProof(ExerciseCatalog.find(number).orElseThrow());
  }

  public Exercise exercise() {
    return exercise;
  }

  /** Checks the sources in resource folder {@code folder}, copied to a fresh temporary folder. */
  public CheckReport check(String folder) throws IOException, InterruptedException {
    Path copy = Files.createTempDirectory("wirelab-proof-");
    try {
      ResourceTree.copy(getClass().getClassLoader(), folder, copy);
      return new Checker(CLOCK).check(exercise, copy);
    } finally {
      ResourceTree.deleteTree(copy);
    }
  }

  public CheckReport referencePassesAll() throws IOException, InterruptedException {
    CheckReport report = check(exercise.referenceResource());
    assertThat(report.compile().errors()).as("the reference compiles").isEmpty();
    assertThat(report.failed()).as("requirements the reference fails:\n%s", text(report)).isEmpty();
    assertThat(text(report))
        .endsWith(String.format("%d of %d requirements met%n", report.total(), report.total()));
    return report;
  }

  /**
   * The skeleton compiles, fails every requirement but {@code mayPass}, and each failure says what
   * was expected, what happened, and gives a hint, with no stack trace.
   */
  public CheckReport skeletonCompilesAndFails(String... mayPass)
      throws IOException, InterruptedException {
    CheckReport report = check(exercise.skeletonResource());
    assertThat(report.compile().errors()).as("the skeleton compiles").isEmpty();
    List<String> allowed = List.of(mayPass);
    List<String> shouldFail =
        exercise.requirements().stream()
            .map(Requirement::id)
            .filter(id -> !allowed.contains(id))
            .toList();
    assertThat(report.failed())
        .as("the skeleton's failures:\n%s", text(report))
        .containsAll(shouldFail);
    assertClearFailures(report);
    return report;
  }

  /** The wrong solution in test resource {@code exercises/labNN/wrong/NAME/}. */
  public WrongSolution wrong(String name) {
    return new WrongSolution("exercises/lab" + exercise.number() + "/wrong/" + name);
  }

  /** A typical mistake kept as a fixture. */
  public final class WrongSolution {
    private final String folder;

    private WrongSolution(String folder) {
      this.folder = folder;
    }

    /** It compiles and fails exactly {@code requirementIds}, each with clear words. */
    public CheckReport failsExactly(String... requirementIds)
        throws IOException, InterruptedException {
      for (String id : requirementIds) {
        assertThat(exercise.requirement(id)).as("requirement %s exists", id).isPresent();
      }
      CheckReport report = check(folder);
      assertThat(report.compile().errors()).as("%s compiles", folder).isEmpty();
      assertThat(report.failed())
          .as("what %s fails:\n%s", folder, text(report))
          .containsExactlyInAnyOrder(requirementIds);
      assertClearFailures(report);
      return report;
    }
  }

  private static void assertClearFailures(CheckReport report) {
    for (CheckReport.Outcome outcome : report.outcomes()) {
      Verdict verdict = outcome.verdict();
      if (verdict.passed()) {
        continue;
      }
      String id = outcome.requirement().id();
      assertThat(verdict.observed()).as("what %s observed", id).isNotBlank();
      assertThat(verdict.hint()).as("the hint of %s", id).isNotBlank();
      assertThat(ReportPrinter.failure(verdict))
          .as("the words of %s", id)
          .doesNotContain("\tat ", "Exception in thread");
    }
    assertThat(ReportPrinter.json(report)).startsWith("{").endsWith("}");
  }

  /** The report as the student sees it. */
  public static String text(CheckReport report) {
    StringWriter out = new StringWriter();
    ReportPrinter.printText(report, new PrintWriter(out));
    return out.toString();
  }
}
