package dev.wirelab.exercises.lab08;

import dev.wirelab.exercises.ExerciseProof;
import org.junit.jupiter.api.Test;

class FrameExerciseTest {
  private final ExerciseProof proof = ExerciseProof.of("08");

  @Test
  void referencePassesEveryRequirement() throws Exception {
    proof.referencePassesAll();
  }

  @Test
  void untouchedSkeletonCompilesAndFailsEveryRequirement() throws Exception {
    proof.skeletonCompilesAndFails();
  }

  @Test
  void aDecoderThatIgnoresTheMaskFailsOnlyUnmask() throws Exception {
    proof.wrong("ignores-the-mask").failsExactly("unmask");
  }

  @Test
  void aSigned16BitLengthFailsOnlyLength16() throws Exception {
    proof.wrong("signed-16-bit-length").failsExactly("length16");
  }

  @Test
  void acceptingUnmaskedFramesFailsOnlyUnmaskedClose() throws Exception {
    proof.wrong("accepts-unmasked-frames").failsExactly("unmasked-close");
  }
}
