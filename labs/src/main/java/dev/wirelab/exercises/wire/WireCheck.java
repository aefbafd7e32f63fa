package dev.wirelab.exercises.wire;

import java.io.IOException;

/** One requirement's check against a student's program listening on {@code host:port}. */
@FunctionalInterface
public interface WireCheck {
  Verdict check(String host, int port) throws IOException;
}
