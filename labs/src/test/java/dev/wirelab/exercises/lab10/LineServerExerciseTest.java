package dev.wirelab.exercises.lab10;

import dev.wirelab.exercises.ExerciseTestBase;
import org.junit.jupiter.api.Test;

class LineServerExerciseTest extends ExerciseTestBase {
  LineServerExerciseTest() {
    super("10");
  }

  @Test
  void aPipelineWithoutALineDecoderFailsOnlyFraming() throws Exception {
    proof.wrong("no-line-decoder").failsExactly("framing");
  }

  @Test
  void anExecutorPerConnectionFailsOnlyOneLoop() throws Exception {
    proof.wrong("executor-per-connection").failsExactly("one-loop");
  }
}
