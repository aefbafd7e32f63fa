package dev.wirelab.labs.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The skeleton of a blocking server: listen, accept, and serve each connection on a thread of its
 * own until it ends. Closing it hangs up on every connection and waits for their threads.
 */
public final class ThreadPerConnection implements AutoCloseable {
  /** How long {@link #close} waits for each thread after hanging up on its connection. */
  private static final long JOIN_MILLIS = 2_000;

  /** Serves one accepted connection; returns (or throws) when the connection is over. */
  @FunctionalInterface
  public interface Handler {
    void serve(Socket socket) throws IOException;
  }

  private final ServerSocket listener;
  private final Handler handler;
  private final Consumer<String> problems;
  private final String threadName;
  private final Thread acceptor;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  private ThreadPerConnection(
      ServerSocket listener, String threadName, Handler handler, Consumer<String> problems) {
    this.listener = listener;
    this.threadName = threadName;
    this.handler = handler;
    this.problems = problems;
    this.acceptor = new Thread(this::acceptConnections, threadName + "-accept");
  }

  /**
   * Listens on {@code host:port} (0: any free port) with room for {@code backlog} connections
   * waiting to be accepted, and starts accepting. {@code problems} hears what goes wrong while the
   * server is open; what goes wrong because it is closing is expected and not reported.
   */
  public static ThreadPerConnection start(
      String host,
      int port,
      int backlog,
      String threadName,
      Handler handler,
      Consumer<String> problems)
      throws IOException {
    ServerSocket listener = ServerSockets.listen(host, port, backlog);
    ThreadPerConnection server = new ThreadPerConnection(listener, threadName, handler, problems);
    server.acceptor.start();
    return server;
  }

  public int port() {
    return listener.getLocalPort();
  }

  public String endpoint() {
    return Endpoint.of(listener.getLocalSocketAddress());
  }

  /** Blocks until the server stops: for server mode, where only Ctrl-C stops it. */
  public void awaitStop() throws InterruptedException {
    acceptor.join();
  }

  private void acceptConnections() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        sockets.add(socket);
        Thread thread = new Thread(() -> serve(socket), threadName + "-" + socket.getPort());
        threads.add(thread);
        thread.start();
      } catch (IOException e) {
        if (!listener.isClosed()) {
          problems.accept("accept failed: " + e.getMessage());
        }
      }
    }
  }

  private void serve(Socket socket) {
    String peer = Endpoint.of(socket.getRemoteSocketAddress());
    try (socket) {
      handler.serve(socket);
    } catch (IOException e) {
      if (!listener.isClosed()) {
        problems.accept("connection from " + peer + " failed: " + e.getMessage());
      }
    } finally {
      sockets.remove(socket);
    }
  }

  /** Stops accepting, hangs up on every connection, and waits for every thread to end. */
  @Override
  public void close() throws IOException {
    listener.close();
    Stopping.join(acceptor, JOIN_MILLIS);
    for (Socket socket : sockets) {
      socket.close();
    }
    for (Thread thread : threads) {
      Stopping.join(thread, JOIN_MILLIS);
    }
  }
}
