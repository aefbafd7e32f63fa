package dev.wirelab.exercises;

import dev.wirelab.exercises.ex07.HandshakeChecks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Exercise07Test {
  private static final String FILE = "HandshakeServer.java";
  private final ExerciseProof proof = new ExerciseProof("07", "HandshakeServer", HandshakeChecks.all());

  @Test
  void theReferencePassesEveryRequirement(@TempDir Path dir) throws IOException {
    proof.referencePassesAll(dir);
  }

  @Test
  void theUntouchedSkeletonCompilesAndFailsEveryRequirement(@TempDir Path dir) throws IOException {
    proof.skeletonFailsAll(dir);
  }

  @Test
  void anAcceptKeyWithoutTheGuidFailsOnlyAccept(@TempDir Path dir) throws IOException {
    proof.wrongFailsOnly(dir, "accept", FILE, Map.of("(key + GUID)", "(key)"));
  }

  @Test
  void upgradingWithoutCheckingTheHeadersFailsOnlyRefuse(@TempDir Path dir) throws IOException {
    proof.wrongFailsOnly(dir, "refuse", FILE, Map.of(
        "if (!valid) {", "if (valid && !valid) {",
        "if (!\"13\".equals(headers.get(\"sec-websocket-version\"))) {", "if (key.isEmpty() && key.isBlank()) {"));
  }

  @Test
  void treatingEveryRequestAsAnUpgradeFailsOnlyHttp(@TempDir Path dir) throws IOException {
    proof.wrongFailsOnly(dir, "http", FILE,
        Map.of("if (headers.containsKey(\"upgrade\")) {", "if (!headers.containsKey(\"no such header\")) {"));
  }
}
