package dev.wirelab.labs.lab10;

import dev.wirelab.labs.support.ThreadPerConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * Lab 01's model, kept quiet for hundreds of clients: blocking sockets, one thread per connection.
 * Each thread spends its life blocked in {@code read}, and holds its stack while it waits.
 */
final class ThreadPerConnectionServer implements EchoServer {
  private final ThreadPerConnection server;
  private final ConnectionCount connections;

  private ThreadPerConnectionServer(ThreadPerConnection server, ConnectionCount connections) {
    this.server = server;
    this.connections = connections;
  }

  /** Listens on {@code host:port}; {@code problems} hears about connections that fail. */
  static ThreadPerConnectionServer start(
      String host, int port, ConnectionCount connections, Consumer<String> problems)
      throws IOException {
    // A backlog as large as the biggest burst of connects the lab makes at once.
    return new ThreadPerConnectionServer(
        ThreadPerConnection.start(
            host,
            port,
            Lab10NonBlockingNetty.MAX_CONNECTIONS,
            "lab10-client",
            socket -> echo(socket, connections),
            problems),
        connections);
  }

  private static void echo(Socket socket, ConnectionCount connections) throws IOException {
    connections.opened();
    try (InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream()) {
      byte[] buffer = new byte[1024];
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
      }
    } finally {
      connections.closed();
    }
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public ConnectionCount connections() {
    return connections;
  }

  @Override
  public void awaitStop() throws InterruptedException {
    server.awaitStop();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
