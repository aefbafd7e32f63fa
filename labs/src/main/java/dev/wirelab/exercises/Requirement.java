package dev.wirelab.exercises;

import dev.wirelab.exercises.sandbox.StudentCode;

/**
 * One thing the student's code must do, tested on the wire.
 *
 * @param id a short stable name ({@code several-clients}), used by tests and in the JSON report
 * @param description what the student's code does when it is right, as the ✓/✗ line says it
 * @param check runs the student's code and judges it
 */
public record Requirement(String id, String description, Check check) {

  /** Runs the student's code (through {@link StudentCode}) and says whether it meets this. */
  @FunctionalInterface
  public interface Check {
    /**
     * Every process it starts through {@code code} is stopped when it returns or throws. An {@link
     * java.io.IOException} it throws counts as a failure that the checker describes.
     */
    Verdict run(StudentCode code) throws Exception;
  }
}
