package dev.wirelab.exercises.lab12;

import dev.wirelab.exercises.ExerciseProof;
import org.junit.jupiter.api.Test;

class OutboxExerciseTest {
  private final ExerciseProof proof = ExerciseProof.of("12");

  @Test
  void referencePassesEveryRequirement() throws Exception {
    proof.referencePassesAll();
  }

  @Test
  void untouchedSkeletonCompilesAndFailsEveryRequirement() throws Exception {
    proof.skeletonCompilesAndFails();
  }

  @Test
  void anOutboxThatNeverResendsFailsOnlyDelivers() throws Exception {
    proof.wrong("no-retry").failsExactly("delivers");
  }

  @Test
  void aNewIdPerAttemptFailsOnlySameId() throws Exception {
    proof.wrong("new-id-per-attempt").failsExactly("same-id");
  }

  @Test
  void handlingARedeliveredEventAgainFailsOnlyNoDuplicates() throws Exception {
    proof.wrong("no-dedupe").failsExactly("no-duplicates");
  }
}
