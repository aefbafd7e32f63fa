package dev.wirelab.exercises.lab02;

import dev.wirelab.exercises.ExerciseProof;
import org.junit.jupiter.api.Test;

class FramedPeerExerciseTest {
  private final ExerciseProof proof = ExerciseProof.of("02");

  @Test
  void referencePassesEveryRequirement() throws Exception {
    proof.referencePassesAll();
  }

  @Test
  void untouchedSkeletonCompilesAndFailsEveryRequirement() throws Exception {
    proof.skeletonCompilesAndFails();
  }

  @Test
  void aLengthInCharactersFailsOnlySendsFrames() throws Exception {
    proof.wrong("length-in-characters").failsExactly("sends-frames");
  }

  @Test
  void onePayloadReadFailsOnlySplitFrames() throws Exception {
    proof.wrong("one-read-per-payload").failsExactly("split-frames");
  }

  @Test
  void aHalfDuplexPeerFailsOnlyFullDuplex() throws Exception {
    proof.wrong("reads-after-typing").failsExactly("full-duplex");
  }
}
