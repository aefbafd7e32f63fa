package dev.wirelab.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.decode.MalformedFrameException;
import java.util.List;

/** Runs one parse of fuzzed bytes: the inspector's own clear error is fine, anything else a bug. */
public final class FuzzGuard {
  private FuzzGuard() {}

  /**
   * Runs {@code action}; an exception that is not our own malformed-input error goes to {@code
   * bugs}.
   */
  public static void guarded(Runnable action, List<String> bugs) {
    try {
      action.run();
    } catch (MalformedFrameException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    } catch (RuntimeException bug) {
      bugs.add(bug.toString());
    }
  }
}
