package dev.wirelab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RealClockTest {
  @Test
  void theChildGetsNoLibfaketime() {
    ProcessBuilder builder = new ProcessBuilder("true");
    builder.environment().put("LD_PRELOAD", "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");
    builder.environment().put("FAKETIME", "@2027-01-05 23:59:58");
    builder.environment().put("FAKETIME_DONT_FAKE_MONOTONIC", "1");
    builder.environment().put("FAKETIME_FORCE_MONOTONIC_FIX", "0");
    builder.environment().put("WIRESHARK_CONFIG_DIR", "/tmp/x");

    assertThat(RealClock.forChild(builder).environment())
        .doesNotContainKeys(
            "LD_PRELOAD",
            "FAKETIME",
            "FAKETIME_DONT_FAKE_MONOTONIC",
            "FAKETIME_FORCE_MONOTONIC_FIX")
        .containsEntry("WIRESHARK_CONFIG_DIR", "/tmp/x");
  }
}
