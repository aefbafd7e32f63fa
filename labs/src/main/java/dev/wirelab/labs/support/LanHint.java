package dev.wirelab.labs.support;

import dev.wirelab.common.net.LanAddresses;
import java.util.List;

/**
 * What a lab server says when it listens on every interface: the addresses the other machines of
 * the classroom dial, with the command to type there. On loopback it says nothing, because nobody
 * else can reach it.
 */
public final class LanHint {
  private LanHint() {}

  /**
   * Tells {@code narrator} how another machine reaches lab {@code lab}'s server on {@code port}.
   */
  public static void say(Narrator narrator, String lab, String host, int port) {
    say(narrator, lab, host, port, LanAddresses.find());
  }

  static void say(Narrator narrator, String lab, String host, int port, List<String> addresses) {
    if (Endpoint.dialable(host).equals(host)) {
      return;
    }
    if (addresses.isEmpty()) {
      narrator.say(
          "listening on every interface, but this machine has no network address besides"
              + " loopback: connect it to the classroom network first");
      return;
    }
    for (String address : addresses) {
      narrator.say(
          "from another machine: ./wirelab lab %s client --host %s --port %d", lab, address, port);
    }
  }
}
