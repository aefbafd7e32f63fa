package dev.wirelab.exercises.check;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of checking one student's folder against one exercise.
 *
 * @param outcomes one per requirement, in the exercise's order; empty when it did not compile
 */
public record CheckReport(
    Exercise exercise,
    Path sources,
    Instant checkedAt,
    CompileResult compile,
    List<Outcome> outcomes) {

  /** One requirement and its verdict. */
  public record Outcome(Requirement requirement, Verdict verdict) {}

  public CheckReport {
    outcomes = List.copyOf(outcomes);
  }

  public int met() {
    return (int) outcomes.stream().filter(o -> o.verdict().passed()).count();
  }

  public int total() {
    return exercise.requirements().size();
  }

  public boolean allMet() {
    return compile.ok() && met() == total();
  }

  public Optional<Verdict> verdict(String requirementId) {
    return outcomes.stream()
        .filter(o -> o.requirement().id().equals(requirementId))
        .map(Outcome::verdict)
        .findFirst();
  }

  /** The ids of the requirements that failed (all of them when it did not compile). */
  public List<String> failed() {
    if (!compile.ok()) {
      return exercise.requirements().stream().map(Requirement::id).toList();
    }
    return outcomes.stream()
        .filter(o -> !o.verdict().passed())
        .map(o -> o.requirement().id())
        .toList();
  }
}
