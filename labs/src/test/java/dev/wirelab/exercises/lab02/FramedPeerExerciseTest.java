package dev.wirelab.exercises.lab02;

import dev.wirelab.exercises.ExerciseTestBase;
import org.junit.jupiter.api.Test;

class FramedPeerExerciseTest extends ExerciseTestBase {
  FramedPeerExerciseTest() {
    super("02");
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
