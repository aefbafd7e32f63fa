package dev.wirelab.labs.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Opens the listening socket every blocking server of the labs starts with. */
public final class ServerSockets {
  /** What {@link ServerSocket#bind(java.net.SocketAddress)} uses when given no backlog. */
  private static final int DEFAULT_BACKLOG = 50;

  private ServerSockets() {}

  /** A socket listening on {@code host:port} (port 0: any free port). */
  public static ServerSocket listen(String host, int port) throws IOException {
    return listen(host, port, DEFAULT_BACKLOG);
  }

  /**
   * A socket listening on {@code host:port} with room for {@code backlog} connections the kernel
   * has completed but nobody has accepted yet. If binding fails, nothing is left open.
   */
  public static ServerSocket listen(String host, int port, int backlog) throws IOException {
    ServerSocket listener = new ServerSocket();
    try {
      listener.bind(new InetSocketAddress(InetAddress.getByName(host), port), backlog);
      return listener;
    } catch (IOException e) {
      listener.close();
      throw e;
    }
  }
}
