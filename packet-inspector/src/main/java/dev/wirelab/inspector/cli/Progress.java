package dev.wirelab.inspector.cli;

import java.io.PrintWriter;

/**
 * A one-line counter on stderr, redrawn at most twice a second; silent when stderr is not a
 * terminal.
 */
final class Progress {
  private static final long REDRAW_NANOS = 500_000_000L;
  private final PrintWriter err;
  private final boolean enabled;
  private long lastDraw = System.nanoTime();
  private boolean drawn;

  Progress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  void update(long read, long passed) {
    if (!enabled || System.nanoTime() - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = System.nanoTime();
    drawn = true;
    err.print("\r" + read + " frames read, " + passed + " shown ");
    err.flush();
  }

  void done(long read, long passed) {
    if (drawn) {
      err.print("\r" + read + " frames read, " + passed + " shown\n");
      err.flush();
    }
  }
}
