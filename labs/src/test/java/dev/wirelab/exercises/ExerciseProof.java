package dev.wirelab.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wirelab.exercises.wire.NamedCheck;
import dev.wirelab.exercises.wire.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * Runs an exercise's checks against its reference, its skeleton and its wrong solutions: the
 * proof that a checker passes right code and fails wrong code exactly where it is wrong.
 */
final class ExerciseProof {
  private final String exercise;
  private final String mainClass;
  /** The checks for the student's process (by pid): most ignore it, some count its threads. */
  private final LongFunction<List<NamedCheck>> checks;

  ExerciseProof(String exercise, String mainClass, List<NamedCheck> checks) {
    this(exercise, mainClass, pid -> checks);
  }

  ExerciseProof(String exercise, String mainClass, LongFunction<List<NamedCheck>> checks) {
    this.exercise = exercise;
    this.mainClass = mainClass;
    this.checks = checks;
  }

  /** The verdicts for the sources of {@code folder} ("reference" or "skeleton") with changes. */
  Map<String, Verdict> verdicts(Path dir, String folder, String changedFile, Map<String, String> changes)
      throws IOException {
    Path sources = StudentServer.sources(Files.createDirectories(dir.resolve(folder)), exercise, "given", folder);
    if (changedFile != null) {
      StudentServer.substitute(sources.resolve(changedFile), changes);
    }
    Path classes = StudentServer.compile(sources);
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    try (StudentServer server = StudentServer.start(classes, mainClass)) {
      for (NamedCheck check : checks.apply(server.pid())) {
        verdicts.put(check.id(), check.run("127.0.0.1", server.port));
      }
    }
    return verdicts;
  }

  void referencePassesAll(Path dir) throws IOException {
    Map<String, Verdict> verdicts = verdicts(dir, "reference", null, Map.of());
    assertEquals(Set.of(), failed(verdicts), () -> "the reference fails: " + verdicts);
  }

  void skeletonFailsAll(Path dir) throws IOException {
    Map<String, Verdict> verdicts = verdicts(dir, "skeleton", null, Map.of());
    assertEquals(ids(), failed(verdicts), () -> "the untouched skeleton: " + verdicts);
    verdicts.values().forEach(v -> assertFalse(v.observed().isBlank() || v.expected().isBlank(),
        () -> "a failure says what was expected and observed: " + v));
  }

  /** The wrong solution (the reference with {@code changes} in {@code file}) fails only {@code broken}. */
  void wrongFailsOnly(Path dir, String broken, String file, Map<String, String> changes) throws IOException {
    Map<String, Verdict> verdicts = verdicts(dir, "reference", file, changes);
    assertEquals(Set.of(broken), failed(verdicts), () -> "the wrong solution: " + verdicts);
  }

  private Set<String> ids() {
    Set<String> ids = new TreeSet<>();
    checks.apply(0).forEach(check -> ids.add(check.id()));
    return ids;
  }

  private static Set<String> failed(Map<String, Verdict> verdicts) {
    Set<String> failed = new TreeSet<>();
    verdicts.forEach((id, verdict) -> {
      if (!verdict.met()) {
        failed.add(id);
      }
    });
    return failed;
  }
}
