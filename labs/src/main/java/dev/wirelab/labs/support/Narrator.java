package dev.wirelab.labs.support;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints a lab's story one line at a time, each line prefixed with who is speaking ({@code [server]
 * accepted ...}), so two threads' lines stay whole and easy to tell apart.
 */
public final class Narrator {
  private final PrintWriter out;
  private final String prefix;

  public Narrator(PrintWriter out, String speaker) {
    this.out = out;
    this.prefix = "[" + speaker + "] ";
  }

  /** Another speaker writing to the same output. */
  public Narrator as(String speaker) {
    return new Narrator(out, speaker);
  }

  /** Starts a new part of the story: a blank line, then {@code == title}. */
  public void heading(String title) {
    synchronized (out) {
      out.println();
      out.println("== " + title);
      out.flush();
    }
  }

  public void say(String format, Object... args) {
    String line = prefix + String.format(Locale.ROOT, format, args);
    // Server and client threads share one writer: lock it so lines never interleave mid-line.
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
