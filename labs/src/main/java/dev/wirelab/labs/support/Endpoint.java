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
    String host = inet.getAddress().getHostAddress();
    return (inet.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + inet.getPort();
  }
}
