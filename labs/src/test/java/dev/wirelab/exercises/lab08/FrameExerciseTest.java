package dev.wirelab.exercises.lab08;

import dev.wirelab.exercises.ExerciseTestBase;
import org.junit.jupiter.api.Test;

class FrameExerciseTest extends ExerciseTestBase {
  FrameExerciseTest() {
    super("08");
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
