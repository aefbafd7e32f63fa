package dev.wirelab.inspector.capture;

import java.io.Closeable;
import java.io.IOException;

/** Frames one after the other, from a file or a live interface. */
public interface FrameSource extends Closeable {
  /** The next frame, or null when there are no more. */
  CapturedFrame next() throws IOException;

  /** True when frames arrive as they happen (a live capture): each should be shown at once. */
  default boolean live() {
    return false;
  }

  /** Why the source ended early (a file cut short...), or null when it ended normally. */
  default String warning() {
    return null;
  }
}
