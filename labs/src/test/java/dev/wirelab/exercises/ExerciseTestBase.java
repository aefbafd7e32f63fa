package dev.wirelab.exercises;

import org.junit.jupiter.api.Test;

/**
 * What every exercise's test proves: the reference passes, the untouched skeleton compiles and
 * fails. A subclass adds one test per wrong solution with {@code proof.wrong(...)}.
 */
public abstract class ExerciseTestBase {
  protected final ExerciseProof proof;

  protected ExerciseTestBase(String number) {
    this.proof = ExerciseProof.of(number);
  }

  @Test
  void referencePassesEveryRequirement() throws Exception {
    proof.referencePassesAll();
  }

  @Test
  void untouchedSkeletonCompilesAndFailsEveryRequirement() throws Exception {
    proof.skeletonCompilesAndFails();
  }
}
