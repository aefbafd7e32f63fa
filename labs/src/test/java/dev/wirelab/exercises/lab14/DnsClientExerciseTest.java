package dev.wirelab.exercises.lab14;

import dev.wirelab.exercises.ExerciseProof;
import org.junit.jupiter.api.Test;

class DnsClientExerciseTest {
  private final ExerciseProof proof = ExerciseProof.of("14");

  @Test
  void referencePassesEveryRequirement() throws Exception {
    proof.referencePassesAll();
  }

  @Test
  void untouchedSkeletonCompilesAndFailsEveryRequirement() throws Exception {
    proof.skeletonCompilesAndFails();
  }

  @Test
  void aClientThatIgnoresTcFailsOnlyTheTcpFallback() throws Exception {
    proof.wrong("no-tcp-fallback").failsExactly("tcp-fallback");
  }

  @Test
  void aClientThatDoesNotFollowCnamesFailsOnlyCname() throws Exception {
    proof.wrong("no-cname").failsExactly("cname");
  }

  @Test
  void aParserThatFollowsAnyPointerFailsOnlyThePointerLoop() throws Exception {
    proof.wrong("follows-pointers-forever").failsExactly("pointer-loop");
  }
}
