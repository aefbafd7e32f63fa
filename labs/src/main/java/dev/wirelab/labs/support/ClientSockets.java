package dev.wirelab.labs.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Opens the connection every hand-made TCP client of the labs starts with. */
public final class ClientSockets {
  /** A host that does not answer at all should fail in seconds, not after the OS's minutes. */
  public static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private ClientSockets() {}

  /**
   * A socket connected to {@code host:port} whose reads give up after {@code readTimeoutMillis} (0:
   * wait as long as it takes). If connecting fails, nothing is left open.
   */
  public static Socket connect(String host, int port, int readTimeoutMillis) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
      socket.setSoTimeout(readTimeoutMillis);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }
}
