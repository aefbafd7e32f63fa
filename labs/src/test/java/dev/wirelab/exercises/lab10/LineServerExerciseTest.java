package dev.wirelab.exercises.lab10;

import dev.wirelab.exercises.ExerciseProof;
import org.junit.jupiter.api.Test;

class LineServerExerciseTest {
  private final ExerciseProof proof = ExerciseProof.of("10");

  @Test
  void referencePassesEveryRequirement() throws Exception {
    proof.referencePassesAll();
  }

  @Test
  void untouchedSkeletonCompilesAndFailsEveryRequirement() throws Exception {
    proof.skeletonCompilesAndFails();
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
