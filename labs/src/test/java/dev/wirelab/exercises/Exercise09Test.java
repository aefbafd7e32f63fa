package dev.wirelab.exercises;

import dev.wirelab.exercises.ex09.LongPollChecks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Exercise09Test {
  private static final String FILE = "LongPollServer.java";
  private final ExerciseProof proof = new ExerciseProof("09", "LongPollServer", LongPollChecks.all());

  @Test
  void theReferencePassesEveryRequirement(@TempDir Path dir) throws IOException {
    proof.referencePassesAll(dir);
  }

  @Test
  void theUntouchedSkeletonCompilesAndFailsEveryRequirement(@TempDir Path dir) throws IOException {
    proof.skeletonFailsAll(dir);
  }

  @Test
  void answeringOnlyTheNewestEventFailsOnlyEvents(@TempDir Path dir) throws IOException {
    proof.wrongFailsOnly(dir, "events", FILE, Map.of("for (int id = lastSeen + 1;",
        "for (int id = Math.max(lastSeen + 1, events.size());"));
  }

  @Test
  void answeringAtOnceFailsOnlyHold(@TempDir Path dir) throws IOException {
    proof.wrongFailsOnly(dir, "hold", FILE, Map.of("System.nanoTime() + HOLD_MILLIS * 1_000_000",
        "System.nanoTime() + 0 * HOLD_MILLIS"));
  }

  @Test
  void holdingForeverFailsOnlyTimeout(@TempDir Path dir) throws IOException {
    proof.wrongFailsOnly(dir, "timeout", FILE, Map.of("wait(Math.max(1, left / 1_000_000));", "wait();"));
  }

  @Test
  void wakingOneWaiterFailsOnlyWakeAll(@TempDir Path dir) throws IOException {
    proof.wrongFailsOnly(dir, "wake-all", FILE, Map.of("notifyAll();", "notify();"));
  }
}
