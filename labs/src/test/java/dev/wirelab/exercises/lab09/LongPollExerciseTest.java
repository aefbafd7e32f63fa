package dev.wirelab.exercises.lab09;

import dev.wirelab.exercises.ExerciseProof;
import org.junit.jupiter.api.Test;

class LongPollExerciseTest {
  private final ExerciseProof proof = ExerciseProof.of("09");

  @Test
  void referencePassesEveryRequirement() throws Exception {
    proof.referencePassesAll();
  }

  @Test
  void untouchedSkeletonCompilesAndFailsEveryRequirement() throws Exception {
    proof.skeletonCompilesAndFails();
  }

  @Test
  void answeringOnlyTheNewestEventFailsOnlyEvents() throws Exception {
    proof.wrong("only-the-newest-event").failsExactly("events");
  }

  @Test
  void answeringAtOnceFailsOnlyHold() throws Exception {
    proof.wrong("answers-at-once").failsExactly("hold");
  }

  @Test
  void holdingForeverFailsOnlyTimeout() throws Exception {
    proof.wrong("holds-forever").failsExactly("timeout");
  }

  @Test
  void wakingOneWaiterFailsOnlyWakeAll() throws Exception {
    proof.wrong("wakes-one-waiter").failsExactly("wake-all");
  }
}
