package dev.wirelab.exercises.lab11;

import dev.wirelab.exercises.ExerciseProof;
import org.junit.jupiter.api.Test;

class RoomsExerciseTest {
  private final ExerciseProof proof = ExerciseProof.of("11");

  @Test
  void referencePassesEveryRequirement() throws Exception {
    proof.referencePassesAll();
  }

  @Test
  void untouchedSkeletonCompilesAndFailsEveryRequirement() throws Exception {
    proof.skeletonCompilesAndFails();
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
