package dev.wirelab.exercises.lab07;

import dev.wirelab.exercises.ExerciseProof;
import org.junit.jupiter.api.Test;

class HandshakeExerciseTest {
  private final ExerciseProof proof = ExerciseProof.of("07");

  @Test
  void referencePassesEveryRequirement() throws Exception {
    proof.referencePassesAll();
  }

  @Test
  void untouchedSkeletonCompilesAndFailsEveryRequirement() throws Exception {
    proof.skeletonCompilesAndFails();
  }

  @Test
  void anAcceptKeyWithoutTheGuidFailsOnlyAccept() throws Exception {
    proof.wrong("no-guid").failsExactly("accept");
  }

  @Test
  void upgradingWithoutCheckingTheHeadersFailsOnlyRefuse() throws Exception {
    proof.wrong("upgrades-without-checking").failsExactly("refuse");
  }

  @Test
  void treatingEveryRequestAsAnUpgradeFailsOnlyHttp() throws Exception {
    proof.wrong("every-request-an-upgrade").failsExactly("http");
  }
}
