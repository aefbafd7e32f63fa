package dev.wirelab.labs.lab10;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Lab 01's model, kept quiet for hundreds of clients: blocking sockets, one thread per connection.
 * Each thread spends its life blocked in {@code read}, and holds its stack while it waits.
 */
final class ThreadPerConnectionServer implements EchoServer {
  private static final long JOIN_MILLIS = 2_000;

  private final ServerSocket listener;
  private final ConnectionCount connections;
  private final Consumer<String> problems;
  private final Thread acceptor;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  private ThreadPerConnectionServer(ServerSocket listener, ConnectionCount connections, Consumer<String> problems) {
    this.listener = listener;
    this.connections = connections;
    this.problems = problems;
    this.acceptor = new Thread(this::acceptClients, "lab10-accept");
  }

  /** Listens on {@code host:port}; {@code problems} hears about connections that fail. */
  static ThreadPerConnectionServer start(String host, int port, ConnectionCount connections, Consumer<String> problems)
      throws IOException {
    ServerSocket listener = new ServerSocket();
    try {
      // A backlog as large as the biggest burst of connects the lab makes at once.
      listener.bind(new InetSocketAddress(InetAddress.getByName(host), port), Lab10NonBlockingNetty.MAX_CONNECTIONS);
    } catch (IOException e) {
      listener.close();
      throw e;
    }
    ThreadPerConnectionServer server = new ThreadPerConnectionServer(listener, connections, problems);
    server.acceptor.start();
    return server;
  }

  @Override
  public int port() {
    return listener.getLocalPort();
  }

  @Override
  public ConnectionCount connections() {
    return connections;
  }

  @Override
  public void awaitStop() throws InterruptedException {
    acceptor.join();
  }

  private void acceptClients() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        sockets.add(socket);
        Thread thread = new Thread(() -> echo(socket), "lab10-client-" + socket.getPort());
        threads.add(thread);
        thread.start();
      } catch (IOException e) {
        if (!listener.isClosed()) {
          problems.accept("accept failed: " + e.getMessage());
        }
      }
    }
  }

  private void echo(Socket socket) {
    connections.opened();
    try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
      byte[] buffer = new byte[1024];
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      if (!listener.isClosed()) {
        problems.accept("connection " + socket.getPort() + " failed: " + e.getMessage());
      }
    } finally {
      sockets.remove(socket);
      connections.closed();
    }
  }

  /** Stops accepting, hangs up on every client, and waits for every thread to end. */
  @Override
  public void close() throws IOException, InterruptedException {
    listener.close();
    acceptor.join(JOIN_MILLIS);
    for (Socket socket : sockets) {
      socket.close();
    }
    for (Thread thread : threads) {
      thread.join(JOIN_MILLIS);
    }
  }
}
