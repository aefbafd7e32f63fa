package dev.wirelab.inspector.output;

import dev.wirelab.inspector.model.DecodedFrame;

/** The first line of a frame in the multi-line modes. */
final class FrameHeading {
  private FrameHeading() {}

  static void append(StringBuilder text, DecodedFrame frame) {
    text.append("Frame ")
        .append(frame.number())
        .append(": ")
        .append(frame.len())
        .append(" bytes on the wire, ")
        .append(frame.capLen())
        .append(" captured, ")
        .append(Clock.dateTime(frame.seconds(), frame.nanos()))
        .append(", link type ")
        .append(frame.json().get("link.name"))
        .append(" (")
        .append(frame.linkType())
        .append(")\n");
    text.append("  ").append(frame.summary()).append('\n');
  }
}
