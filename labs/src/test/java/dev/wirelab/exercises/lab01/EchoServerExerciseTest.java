package dev.wirelab.exercises.lab01;

import dev.wirelab.exercises.ExerciseProof;
import org.junit.jupiter.api.Test;

class EchoServerExerciseTest {
  private final ExerciseProof proof = ExerciseProof.of("01");

  @Test
  void referencePassesEveryRequirement() throws Exception {
    proof.referencePassesAll();
  }

  @Test
  void untouchedSkeletonCompilesAndFailsEveryRequirement() throws Exception {
    proof.skeletonCompilesAndFails();
  }

  @Test
  void aServerThatServesOneClientAtATimeFailsOnlySeveralClients() throws Exception {
    proof.wrong("one-client-at-a-time").failsExactly("several-clients");
  }

  @Test
  void aServerThatNeverHangsUpFailsOnlyCloses() throws Exception {
    proof.wrong("never-hangs-up").failsExactly("closes");
  }

  @Test
  void aServerThatDropsTheNewlineFailsOnlyEchoes() throws Exception {
    proof.wrong("drops-the-newline").failsExactly("echoes");
  }
}
