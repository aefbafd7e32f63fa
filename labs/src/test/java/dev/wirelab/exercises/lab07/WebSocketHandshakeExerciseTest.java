package dev.wirelab.exercises.lab07;

import dev.wirelab.exercises.ExerciseTestBase;
import org.junit.jupiter.api.Test;

class WebSocketHandshakeExerciseTest extends ExerciseTestBase {
  WebSocketHandshakeExerciseTest() {
    super("07");
  }

  @Test
  void anAcceptKeyWithoutTheGuidFailsOnlyAccept() throws Exception {
    proof.wrong("no-guid").failsExactly("accept");
  }

  @Test
  void upgradingWithoutCheckingTheHeadersFailsOnlyRefuse() throws Exception {
    proof.wrong("upgrades-without-checking").failsExactly("refuse");
  }

  @Test
  void treatingEveryRequestAsAnUpgradeFailsOnlyHttp() throws Exception {
    proof.wrong("every-request-an-upgrade").failsExactly("http");
  }
}
