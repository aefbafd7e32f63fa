package dev.wirelab.exercises;

import dev.wirelab.exercises.ex08.FrameChecks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Exercise08Test {
  private static final String FILE = "FrameEchoServer.java";
  private final ExerciseProof proof = new ExerciseProof("08", "FrameEchoServer", FrameChecks.all());

  @Test
  void theReferencePassesEveryRequirement(@TempDir Path dir) throws IOException {
    proof.referencePassesAll(dir);
  }

  @Test
  void theUntouchedSkeletonCompilesAndFailsEveryRequirement(@TempDir Path dir) throws IOException {
    proof.skeletonFailsAll(dir);
  }

  @Test
  void aDecoderThatIgnoresTheMaskFailsOnlyUnmask(@TempDir Path dir) throws IOException {
    proof.wrongFailsOnly(dir, "unmask", FILE, Map.of("payload[i] ^ key[i % 4]", "payload[i]"));
  }

  @Test
  void aSigned16BitLengthFailsOnlyLength16(@TempDir Path dir) throws IOException {
    proof.wrongFailsOnly(dir, "length16", FILE,
        Map.of("in.readUnsignedShort(); // 16 bits, unsigned, big-endian", "in.readShort();"));
  }

  @Test
  void acceptingUnmaskedFramesFailsOnlyUnmaskedClose(@TempDir Path dir) throws IOException {
    proof.wrongFailsOnly(dir, "unmasked-close", FILE,
        Map.of("if (!frame.masked()) {", "if (frame.opcode() > 0xF) {"));
  }
}
