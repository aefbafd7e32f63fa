package dev.wirelab.exercises;

import java.util.List;

/**
 * The outcome of one requirement. A failure says what was expected, what was observed and a hint,
 * and may show the frames the checker saw, one per line in the inspector's notation.
 */
public record Verdict(
    boolean passed, String expected, String observed, String hint, List<String> frames) {

  public Verdict {
    frames = List.copyOf(frames);
  }

  public static Verdict pass() {
    return new Verdict(true, "", "", "", List.of());
  }

  /** A pass with what the checker measured on the way, which the report prints under the ✓. */
  public static Verdict pass(String observed) {
    return new Verdict(true, "", observed, "", List.of());
  }

  /**
   * @param expected what right code does, as a phrase after "expected"
   * @param observed what the student's code did, as a phrase ("you sent nothing in 2 s")
   * @param hint where to look, one sentence
   */
  public static Verdict fail(String expected, String observed, String hint) {
    return new Verdict(false, expected, observed, hint, List.of());
  }

  /** This verdict with the frames the checker saw. */
  public Verdict withFrames(List<String> seen) {
    return new Verdict(passed, expected, observed, hint, seen);
  }

  /** Passes when {@code condition} holds, fails with the given words otherwise. */
  public static Verdict when(boolean condition, String expected, String observed, String hint) {
    return condition ? pass() : fail(expected, observed, hint);
  }
}
