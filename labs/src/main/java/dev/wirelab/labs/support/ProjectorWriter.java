package dev.wirelab.labs.support;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A lab's console, folded to a projector's 100 columns: a longer line breaks at a space and goes on
 * under its own text (after its indent and its {@code [speaker]} tag), so nothing is cut off and
 * who said it stays plain.
 */
public final class ProjectorWriter extends Writer {
  /** What a projected terminal shows legibly at the back of a classroom. */
  public static final int COLUMNS = 100;

  private static final int CONTINUATION = 4;

  private final PrintWriter target;
  private final StringBuilder line = new StringBuilder();

  /** Set when a flush had to pass on half a line: its rest goes out as it comes, unfolded. */
  private boolean lineStarted;

  private ProjectorWriter(PrintWriter target) {
    this.target = target;
  }

  /** The lab's output stream, folded; println flushes, as picocli's own writer does. */
  public static PrintWriter out(CommandSpec spec) {
    return new PrintWriter(new ProjectorWriter(spec.commandLine().getOut()), true);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    synchronized (lock) {
      for (int i = offset; i < offset + length; i++) {
        char c = chars[i];
        if (c == '\n') {
          endLine();
        } else if (lineStarted) {
          target.write(c);
        } else {
          line.append(c);
        }
      }
    }
  }

  @Override
  public void flush() {
    synchronized (lock) {
      if (line.length() > 0) {
        writeRaw(line);
        line.setLength(0);
        lineStarted = true;
      }
      target.flush();
    }
  }

  @Override
  public void close() {
    flush();
  }

  private void endLine() {
    if (lineStarted) {
      lineStarted = false;
      writeRaw("\n");
      return;
    }
    for (String part : fold(line.toString())) {
      writeRaw(part);
      writeRaw("\n");
    }
    line.setLength(0);
  }

  /** The line as projector-wide pieces; continuation pieces are indented under the text. */
  static List<String> fold(String text) {
    List<String> pieces = new ArrayList<>();
    String indent = " ".repeat(hangingIndent(text));
    String rest = text;
    String lead = "";
    while (width(lead + rest) > COLUMNS) {
      String candidate = lead + rest;
      int limit = candidate.offsetByCodePoints(0, COLUMNS);
      int cut = candidate.lastIndexOf(' ', limit);
      if (cut <= lead.length() + indent.length() / 2 || cut <= lead.length()) {
        cut = limit; // one token longer than the room: break it where the room ends
      }
      pieces.add(candidate.substring(0, cut).stripTrailing());
      rest = candidate.substring(cut).stripLeading();
      lead = indent;
    }
    pieces.add(lead + rest);
    return pieces;
  }

  /**
   * Leading spaces, plus a {@code [speaker] }, {@code == } or {@code <- } that starts the text; a
   * table row ({@code a | b | c}) goes on under its last column.
   */
  private static int hangingIndent(String text) {
    int spaces = text.length() - text.stripLeading().length();
    String body = text.substring(spaces);
    int tag = 0;
    if (body.startsWith("[") && body.indexOf("] ") > 0) {
      tag = body.indexOf("] ") + 2;
    } else if (body.startsWith("== ") || body.startsWith("<- ")) {
      tag = 3;
    } else if (body.contains(" | ")) {
      tag = body.lastIndexOf(" | ") + 3;
    }
    int indent = spaces + tag;
    // Continued text is always set in, so it never reads as a line of its own; and a tag so long
    // that little room would be left gets a small indent instead.
    return indent == 0 || indent > COLUMNS / 2 ? CONTINUATION : indent;
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }

  private void writeRaw(CharSequence text) {
    target.append(text);
  }
}
