package dev.wirelab.exercises.lab05;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.exercises.ExerciseTestBase;
import org.junit.jupiter.api.Test;

class HandshakeExerciseTest extends ExerciseTestBase {
  HandshakeExerciseTest() {
    super("05");
  }

  @Test
  void anRttMeasuredToTheAckFailsOnlyTheRtt() throws Exception {
    proof.wrong("rtt-to-the-ack").failsExactly("rtt");
  }

  @Test
  void aTeardownAlwaysOfFourFailsOnlyTheTeardown() throws Exception {
    proof.wrong("four-segment-teardown").failsExactly("teardown");
  }

  /** The packet inspector reads the checker's captures as the answers say. */
  @Test
  void theInspectorSeesTheHandshakeWhereTheCheckerSaysItIs() {
    Conversation capture = Conversation.fourWayClose();
    assertThat(HandshakeExercise.inspect(capture)).hasSize(10);
    assertThat(HandshakeExercise.inspect(capture).get(capture.handshake().get(0) - 1))
        .contains("10.0.0.1.40000 > 10.0.0.2.80: Flags [S]");
    assertThat(HandshakeExercise.inspect(capture).get(capture.handshake().get(1) - 1))
        .contains("Flags [S.]");
    assertThat(
            HandshakeExercise.inspect(Conversation.threeWayClose())
                .get(Conversation.threeWayClose().teardown().get(1) - 1))
        .contains("Flags [F.]");
  }
}
