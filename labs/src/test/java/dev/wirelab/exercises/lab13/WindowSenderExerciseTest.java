package dev.wirelab.exercises.lab13;

import dev.wirelab.exercises.ExerciseProof;
import org.junit.jupiter.api.Test;

class WindowSenderExerciseTest {
  private final ExerciseProof proof = ExerciseProof.of("13");

  @Test
  void referencePassesEveryRequirement() throws Exception {
    proof.referencePassesAll();
  }

  @Test
  void untouchedSkeletonCompilesAndFailsEveryRequirement() throws Exception {
    proof.skeletonCompilesAndFails();
  }

  @Test
  void stopAndWaitFailsOnlyTheGoodput() throws Exception {
    proof.wrong("stop-and-wait").failsExactly("goodput");
  }

  @Test
  void aSenderThatBelievesDamagedAcksFailsOnlyTheLossyLink() throws Exception {
    proof.wrong("trusts-damaged-acks").failsExactly("lossy-link");
  }
}
