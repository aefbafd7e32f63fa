package dev.wirelab.common.cli;

/**
 * A failure caused by what the user asked for (a busy port, a missing file), whose message is
 * written for that user: the command prints it as one line and exits non-zero, no stack trace.
 */
public class UserError extends RuntimeException {
  private final int exitCode;

  public UserError(String message) {
    this(message, 1, null);
  }

  public UserError(String message, Throwable cause) {
    this(message, 1, cause);
  }

  public UserError(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
