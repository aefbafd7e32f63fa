package dev.wirelab.inspector.output;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the C library whether stdout or stderr is a terminal (Java itself cannot tell them apart).
 */
public final class Terminal {
  private static final Logger LOG = LoggerFactory.getLogger(Terminal.class);

  private interface C extends Library {
    int isatty(int fd);
  }

  private Terminal() {}

  public static boolean stdoutIsTerminal() {
    return isatty(1);
  }

  public static boolean stderrIsTerminal() {
    return isatty(2);
  }

  private static boolean isatty(int fd) {
    try {
      return Native.load("c", C.class).isatty(fd) == 1;
    } catch (UnsatisfiedLinkError e) {
      LOG.debug("isatty is not available, assuming no terminal", e);
      return false;
    }
  }
}
