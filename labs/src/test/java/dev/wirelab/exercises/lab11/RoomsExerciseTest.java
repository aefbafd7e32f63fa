package dev.wirelab.exercises.lab11;

import dev.wirelab.exercises.ExerciseTestBase;
import org.junit.jupiter.api.Test;

class RoomsExerciseTest extends ExerciseTestBase {
  RoomsExerciseTest() {
    super("11");
  }

  @Test
  void emittingToTheRoomWithTheSenderFailsOnlyNotSender() throws Exception {
    proof.wrong("emits-to-the-sender-too").failsExactly("not-sender");
  }

  @Test
  void broadcastingToEveryoneFailsOnlyRoom() throws Exception {
    proof.wrong("broadcasts-to-everyone").failsExactly("room");
  }

  @Test
  void forgettingTheAckFailsOnlyAck() throws Exception {
    proof.wrong("no-ack").failsExactly("ack");
  }
}
