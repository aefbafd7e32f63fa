package dev.wirelab.exercises.lab03;

import dev.wirelab.exercises.ExerciseTestBase;
import org.junit.jupiter.api.Test;

class PingerExerciseTest extends ExerciseTestBase {
  PingerExerciseTest() {
    super("03");
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
