package dev.wirelab.inspector.output;

import dev.wirelab.inspector.model.DecodedFrame;

/** The {@code [malformed: reason]} marker every text mode shows on a bad frame. */
final class Malformed {
  private Malformed() {}

  static void append(StringBuilder line, DecodedFrame frame) {
    for (String reason : frame.malformed()) {
      line.append(" [malformed: ").append(reason).append(']');
    }
  }
}
