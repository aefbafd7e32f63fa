package dev.wirelab.exercises;

import dev.wirelab.exercises.ex10.LineServerChecks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Exercise10Test {
  private static final String FILE = "LineServer.java";
  private final ExerciseProof proof = new ExerciseProof("10", "LineServer", LineServerChecks::all);

  @Test
  void theReferencePassesEveryRequirement(@TempDir Path dir) throws IOException {
    proof.referencePassesAll(dir);
  }

  @Test
  void theUntouchedSkeletonCompilesAndFailsEveryRequirement(@TempDir Path dir) throws IOException {
    proof.skeletonFailsAll(dir);
  }

  @Test
  void aPipelineWithoutALineDecoderFailsOnlyFraming(@TempDir Path dir) throws IOException {
    proof.wrongFailsOnly(dir, "framing", FILE, Map.of("new LineBasedFrameDecoder(MAX_LINE),\n", ""));
  }

  @Test
  void aHandlerOnItsOwnExecutorPerConnectionFailsOnlyOneLoop(@TempDir Path dir) throws IOException {
    proof.wrongFailsOnly(dir, "one-loop", FILE, Map.of("channel.pipeline().addLast(",
        "channel.pipeline().addLast(new io.netty.util.concurrent.DefaultEventExecutor(), "));
  }
}
