package dev.wirelab.exercises.lab03;

import dev.wirelab.exercises.ExerciseProof;
import org.junit.jupiter.api.Test;

class PingerExerciseTest {
  private final ExerciseProof proof = ExerciseProof.of("03");

  @Test
  void referencePassesEveryRequirement() throws Exception {
    proof.referencePassesAll();
  }

  @Test
  void untouchedSkeletonCompilesAndFailsEveryRequirement() throws Exception {
    proof.skeletonCompilesAndFails();
  }

  @Test
  void aPingerThatNeverTimesOutFailsOnlyTheTimeout() throws Exception {
    proof.wrong("never-times-out").failsExactly("timeout");
  }

  @Test
  void aPingerWhoseClockStartsOnceFailsOnlyTheRtt() throws Exception {
    proof.wrong("clock-started-once").failsExactly("rtt");
  }
}
