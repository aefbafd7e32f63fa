package dev.wirelab.inspector.output;

import dev.wirelab.inspector.model.DecodedFrame;
import java.io.IOException;

/** Where decoded frames go: one output mode (summary, layers, hex, JSON, stats, follow...). */
public interface FrameSink {
  /** Called once per frame, in capture order. */
  void accept(DecodedFrame frame) throws IOException;

  /** Called once after the last frame, for modes that print totals. */
  default void finish() throws IOException {}
}
