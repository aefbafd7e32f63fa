package dev.wirelab.exercises.lab12;

import dev.wirelab.exercises.ExerciseTestBase;
import org.junit.jupiter.api.Test;

class OutboxExerciseTest extends ExerciseTestBase {
  OutboxExerciseTest() {
    super("12");
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
