package dev.wirelab.inspector.decode;

/** A frame's bytes contradict its headers; the frame is shown as {@code [malformed: reason]}. */
public final class MalformedFrameException extends RuntimeException {
  public MalformedFrameException(String reason) {
    super(reason, null, false, false);
  }
}
