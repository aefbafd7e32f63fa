package dev.wirelab.exercises.wire;

import java.io.IOException;

/**
 * A requirement as the student reads it: a short id ({@code accept}), the sentence the checker
 * prints next to its mark, and the check that decides it.
 */
public record NamedCheck(String id, String title, WireCheck check) {
  /** Runs the check; an exception from the wire (timeout, hang-up, garbage) is a failure too. */
  public Verdict run(String host, int port) {
    try {
      return check.check(host, port);
    } catch (IOException | RuntimeException e) {
      return Verdict.failed(title, e.getClass().getSimpleName() + ": " + e.getMessage(),
          "the checker could not finish this requirement; the observed line says where it stopped");
    }
  }
}
