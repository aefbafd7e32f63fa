package dev.wirelab.testkit;

import java.util.List;

/**
 * Starts an outside program on the real clock when the suite itself runs under libfaketime (issue
 * 11's proof that no test depends on the date). The programs the tests use as oracles, browsers,
 * peers or infrastructure (tshark, Chromium, Node.js, redis-server) are not the code under test, so
 * they need not live through a fake date (with libfaketime's default monotonic fix on, Chromium
 * hung, redis-server could not start and tshark ran 35 times slower).
 */
public final class RealClock {
  /** libfaketime's preload and its settings, as Debian's {@code faketime} command sets them. */
  private static final List<String> FAKETIME_VARIABLES =
      List.of(
          "LD_PRELOAD",
          "FAKETIME",
          "FAKETIME_SHARED",
          "FAKETIME_DONT_FAKE_MONOTONIC",
          "FAKETIME_FORCE_MONOTONIC_FIX");

  private RealClock() {}

  /** The same builder, its child's environment without libfaketime. */
  public static ProcessBuilder forChild(ProcessBuilder builder) {
    builder.environment().keySet().removeAll(FAKETIME_VARIABLES);
    return builder;
  }
}
