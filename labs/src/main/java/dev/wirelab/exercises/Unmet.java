package dev.wirelab.exercises;

/**
 * Thrown by a check, from however deep, to end it with a failed {@link Verdict}: for a step that
 * every later step needs (the server must listen before it can echo).
 */
public final class Unmet extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Verdict verdict;

  public Unmet(Verdict verdict) {
    super(verdict.observed(), null, false, false);
    this.verdict = verdict;
  }

  public Verdict verdict() {
    return verdict;
  }
}
