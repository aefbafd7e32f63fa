package dev.wirelab.labs.support;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Writes a socket address the way people type it: {@code 127.0.0.1:9001}, {@code [::1]:9001}. */
public final class Endpoint {
  private Endpoint() {}

  public static String of(SocketAddress address) {
    InetSocketAddress inet = (InetSocketAddress) address;
    if (inet.getAddress() == null) {
      return inet.getHostString() + ":" + inet.getPort();
    }
    if (inet.getAddress().isAnyLocalAddress()) {
      // Java reports a dual-stack wildcard as 0:0:0:0:0:0:0:0; people write [::] or 0.0.0.0.
      return (inet.getAddress() instanceof Inet6Address ? "[::]" : "0.0.0.0")
          + ":"
          + inet.getPort();
    }
    String host = inet.getAddress().getHostAddress();
    return (inet.getAddress() instanceof Inet6Address ? "[" + host + "]" : host)
        + ":"
        + inet.getPort();
  }

  /**
   * The host a client on this machine connects to for a server bound to {@code host}: a wildcard
   * (0.0.0.0, ::) means "every interface" to a server, but is no address to connect to.
   */
  public static String dialable(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return bare.equals("0.0.0.0") || bare.equals("::") || bare.equals("0:0:0:0:0:0:0:0")
        ? "127.0.0.1"
        : host;
  }
}
