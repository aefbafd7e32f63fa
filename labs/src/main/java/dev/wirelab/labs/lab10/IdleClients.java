package dev.wirelab.labs.lab10;

import dev.wirelab.labs.support.ClientSockets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Many TCP connections that do nothing; the client side needs no thread for them, only sockets. */
final class IdleClients implements AutoCloseable {
  private static final int READ_TIMEOUT_MILLIS = 5_000;

  private final List<Socket> sockets = new ArrayList<>();

  /**
   * Opens {@code count} connections to {@code host:port}; on failure, closes those already open.
   */
  static IdleClients open(String host, int port, int count) throws IOException {
    IdleClients clients = new IdleClients();
    try {
      for (int i = 0; i < count; i++) {
        clients.sockets.add(ClientSockets.connect(host, port, READ_TIMEOUT_MILLIS));
      }
      return clients;
    } catch (IOException e) {
      clients.close();
      throw e;
    }
  }

  /** Sends one byte on every connection and reads it back; returns how many came back intact. */
  int echoOnEach() throws IOException {
    int echoed = 0;
    for (Socket socket : sockets) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      int probe = 'a' + echoed % 26;
      out.write(probe);
      out.flush();
      if (in.read() == probe) {
        echoed++;
      }
    }
    return echoed;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
