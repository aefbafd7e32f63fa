package dev.wirelab.exercises.lab15;

import dev.wirelab.exercises.ExerciseProof;
import org.junit.jupiter.api.Test;

class EventLoopExerciseTest {
  private final ExerciseProof proof = ExerciseProof.of("15");

  @Test
  void referencePassesEveryRequirement() throws Exception {
    proof.referencePassesAll();
  }

  @Test
  void untouchedSkeletonCompilesAndFailsEveryRequirement() throws Exception {
    proof.skeletonCompilesAndFails();
  }

  @Test
  void aLoopThatSpinsOnAPartialWriteFailsOnlyTheSlowReader() throws Exception {
    proof.wrong("spins-on-partial-write").failsExactly("slow-reader");
  }

  @Test
  void aLoopWithoutACatchPerClientFailsOnlyTheVanishingClient() throws Exception {
    proof.wrong("dies-on-reset").failsExactly("vanishing-client");
  }

  @Test
  void aThreadPerClientFailsOnlyOneThread() throws Exception {
    proof.wrong("thread-per-client").failsExactly("one-thread");
  }
}
