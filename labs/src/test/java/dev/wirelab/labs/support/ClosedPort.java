package dev.wirelab.labs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A loopback TCP port where nothing listens, for tests of a refused connection. */
public final class ClosedPort {
  private ClosedPort() {}

  /** A port the OS just handed out and took back, so nothing else is likely to hold it yet. */
  public static int tcp() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port to borrow", e);
    }
  }
}
