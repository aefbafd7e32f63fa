package dev.wirelab.labs.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanHintTest {
  private final StringWriter out = new StringWriter();
  private final Narrator narrator = new Narrator(new PrintWriter(out), "server");

  @Test
  void aServerOnEveryInterfaceNamesTheAddressesOtherMachinesDial() {
    LanHint.say(narrator, "03", "0.0.0.0", 9003, List.of("192.168.1.20", "10.0.0.5"));

    assertThat(out.toString())
        .isEqualTo(
            "[server] from another machine: ./wirelab lab 03 client --host 192.168.1.20 --port 9003\n"
                + "[server] from another machine: ./wirelab lab 03 client --host 10.0.0.5 --port 9003\n");
  }

  @Test
  void aServerOnLoopbackSaysNothingAboutTheNetwork() {
    LanHint.say(narrator, "03", "127.0.0.1", 9003, List.of("192.168.1.20"));

    assertThat(out.toString()).isEmpty();
  }

  @Test
  void withoutANetworkAddressItSaysWhatToDo() {
    LanHint.say(narrator, "03", "::", 9003, List.of());

    assertThat(out.toString()).contains("no network address besides loopback");
  }
}
