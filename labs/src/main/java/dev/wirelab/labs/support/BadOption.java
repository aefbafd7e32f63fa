package dev.wirelab.labs.support;

import dev.wirelab.common.cli.CommandRunner;
import dev.wirelab.common.cli.UserError;

/**
 * An option value a lab cannot run with: one {@code error:} line and exit code 2, like the parse
 * errors picocli reports itself (a port that is not a number, say).
 */
public final class BadOption {
  private BadOption() {}

  public static UserError because(String message) {
    return new UserError(message, CommandRunner.USAGE_ERROR, null);
  }
}
