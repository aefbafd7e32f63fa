package dev.wirelab.labs.lab02;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Two sockets connected to each other over loopback: the experiments' client and server ends. */
final class SocketPair implements AutoCloseable {
  /** Bounds every read in the experiments, so a bug shows up as an error instead of a hang. */
  static final int READ_TIMEOUT_MILLIS = 5_000;

  private final Socket client;
  private final Socket server;

  private SocketPair(Socket client, Socket server) {
    this.client = client;
    this.server = server;
  }

  static SocketPair open() throws IOException {
    return open(0);
  }

  /**
   * A pair whose server end has a receive buffer of about {@code receiveBufferBytes} (0: the OS
   * default). It is set on the listening socket because the window is agreed in the handshake.
   */
  static SocketPair open(int receiveBufferBytes) throws IOException {
    try (ServerSocket listener = new ServerSocket()) {
      if (receiveBufferBytes > 0) {
        listener.setReceiveBufferSize(receiveBufferBytes);
      }
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      Socket client = new Socket();
      try {
        client.connect(listener.getLocalSocketAddress(), READ_TIMEOUT_MILLIS);
        listener.setSoTimeout(READ_TIMEOUT_MILLIS);
        Socket server = listener.accept();
        client.setSoTimeout(READ_TIMEOUT_MILLIS);
        server.setSoTimeout(READ_TIMEOUT_MILLIS);
        return new SocketPair(client, server);
      } catch (IOException e) {
        client.close();
        throw e;
      }
    }
  }

  /**
   * Waits until {@code bytes} bytes sit in {@code socket}'s receive buffer, so that the next read
   * finds them all there. On loopback they usually already are when the sender's write returns; the
   * bounded wait makes that certain.
   */
  static void awaitAvailable(Socket socket, int bytes) throws IOException {
    long deadline = System.nanoTime() + READ_TIMEOUT_MILLIS * 1_000_000L;
    InputStream in = socket.getInputStream();
    while (in.available() < bytes) {
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "only "
                + in.available()
                + " of "
                + bytes
                + " bytes arrived in "
                + READ_TIMEOUT_MILLIS
                + " ms");
      }
      Thread.onSpinWait();
    }
  }

  Socket client() {
    return client;
  }

  Socket server() {
    return server;
  }

  @Override
  public void close() throws IOException {
    try {
      client.close();
    } finally {
      server.close();
    }
  }
}
