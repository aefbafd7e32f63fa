package dev.wirelab.inspector.capture;

import dev.wirelab.common.cli.UserError;

/** A capture file that cannot be read at all: one line for the user, exit code 2. */
public final class CaptureFileException extends UserError {
  public CaptureFileException(String message) {
    super(message, 2, null);
  }

  public CaptureFileException(String message, Throwable cause) {
    super(message, 2, cause);
  }
}
