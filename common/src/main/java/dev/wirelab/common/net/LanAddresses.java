package dev.wirelab.common.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The IPv4 addresses other machines on the classroom network can reach this one at. */
public final class LanAddresses {
  private LanAddresses() {}

  /** Non-loopback IPv4 addresses of the interfaces that are up, in interface order. */
  public static List<String> find() {
    List<String> addresses = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
            addresses.add(address.getHostAddress());
          }
        }
      }
    } catch (SocketException e) {
      throw new IllegalStateException("cannot list the network interfaces: " + e.getMessage(), e);
    }
    return addresses;
  }
}
