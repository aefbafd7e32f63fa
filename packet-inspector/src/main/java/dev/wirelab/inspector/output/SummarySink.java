package dev.wirelab.inspector.output;

import dev.wirelab.inspector.model.DecodedFrame;
import java.io.IOException;
import java.io.Writer;

/**
 * The default mode: one line per frame, tcpdump -nn style, with the frame number and top protocol's
 * meaning.
 */
public final class SummarySink implements FrameSink {
  private final Writer out;

  public SummarySink(Writer out) {
    this.out = out;
  }

  @Override
  public void accept(DecodedFrame frame) throws IOException {
    // A fresh builder per line: one reused across lines would stay two bytes per character after
    // the first non-Latin-1 text (a UTF-8 HTTP header), and convert every later line twice.
    StringBuilder line = new StringBuilder(160);
    line.append(frame.number()).append(' ');
    Clock.appendTime(line, frame.seconds(), frame.nanos());
    line.append(' ').append(frame.summary());
    Malformed.append(line, frame);
    line.append('\n');
    out.append(line);
  }
}
