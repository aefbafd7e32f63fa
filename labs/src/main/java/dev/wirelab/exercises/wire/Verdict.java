package dev.wirelab.exercises.wire;

/**
 * What one requirement's check found: met, or not, with what was expected, what was observed
 * on the wire and a hint towards the fix.
 */
public record Verdict(boolean met, String expected, String observed, String hint) {
  public static Verdict met(String observed) {
    return new Verdict(true, "", observed, "");
  }

  public static Verdict failed(String expected, String observed, String hint) {
    return new Verdict(false, expected, observed, hint);
  }
}
