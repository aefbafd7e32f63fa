package dev.wirelab.exercises.lab01;

import dev.wirelab.exercises.ExerciseTestBase;
import org.junit.jupiter.api.Test;

class EchoServerExerciseTest extends ExerciseTestBase {
  EchoServerExerciseTest() {
    super("01");
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
