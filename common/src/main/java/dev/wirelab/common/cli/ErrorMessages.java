package dev.wirelab.common.cli;

import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * Turns the exceptions a networking program meets every day into sentences a student can act on.
 */
public final class ErrorMessages {
  private ErrorMessages() {}

  public static String describe(Throwable error) {
    if (error instanceof UserError) {
      return error.getMessage();
    }
    String detail = error.getMessage() == null ? "" : error.getMessage();
    if (error instanceof BindException) {
      return "cannot listen there: "
          + detail
          + " (another program holds that port; stop it or choose another with --port)";
    }
    if (error instanceof ConnectException) {
      // The JDK's own text is often just "Connection refused": say it once.
      boolean repeats = detail.toLowerCase(Locale.ROOT).startsWith("connection refused");
      return "connection refused"
          + (repeats ? "" : ": " + detail)
          + " (is the server running, and on that host and port?)";
    }
    if (error instanceof UnknownHostException) {
      return "unknown host " + detail + " (check the spelling, or use an IP address)";
    }
    if (error instanceof NoRouteToHostException) {
      return "no route to host: " + detail + " (is the other machine on this network?)";
    }
    if (error instanceof SocketTimeoutException) {
      return "timed out: " + detail + " (the other side did not answer in time)";
    }
    if (error instanceof NoSuchFileException) {
      return "no such file: " + detail;
    }
    if (error instanceof AccessDeniedException) {
      return "permission denied: " + detail;
    }
    String kind = error.getClass().getSimpleName();
    return detail.isEmpty() ? kind : kind + ": " + detail;
  }
}
