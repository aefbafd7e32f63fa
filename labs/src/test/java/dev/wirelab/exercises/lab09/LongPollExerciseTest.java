package dev.wirelab.exercises.lab09;

import dev.wirelab.exercises.ExerciseTestBase;
import org.junit.jupiter.api.Test;

class LongPollExerciseTest extends ExerciseTestBase {
  LongPollExerciseTest() {
    super("09");
  }

  @Test
  void answeringOnlyTheNewestEventFailsOnlyEvents() throws Exception {
    proof.wrong("only-the-newest-event").failsExactly("events");
  }

  @Test
  void answeringAtOnceFailsOnlyHold() throws Exception {
    proof.wrong("answers-at-once").failsExactly("hold");
  }

  @Test
  void holdingForeverFailsOnlyTimeout() throws Exception {
    proof.wrong("holds-forever").failsExactly("timeout");
  }

  @Test
  void wakingOneWaiterFailsOnlyWakeAll() throws Exception {
    proof.wrong("wakes-one-waiter").failsExactly("wake-all");
  }
}
