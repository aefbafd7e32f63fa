package dev.wirelab.labs.lab01;

import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ServerSockets;
import dev.wirelab.labs.support.Stopping;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A blocking TCP echo server: every byte a client sends comes straight back.
 *
 * <p>Each client gets its own thread. With a single thread the server would sit in one client's
 * {@code read} while the next client's connection waits, accepted by the kernel but never served,
 * until the first one hangs up.
 */
final class EchoServer implements AutoCloseable {
  /** How long {@link #close} lets connected clients finish before it hangs up on them. */
  private static final long CLIENT_GRACE_MILLIS = 2_000;

  private final ServerSocket listener;
  private final Narrator narrator;
  private final Thread acceptor;
  private final List<Connection> connections = new CopyOnWriteArrayList<>();

  private EchoServer(ServerSocket listener, Narrator narrator) {
    this.listener = listener;
    this.narrator = narrator;
    this.acceptor = new Thread(this::acceptClients, "lab01-accept");
  }

  /** Listens on {@code host:port} (port 0: any free port) and starts accepting clients. */
  static EchoServer start(String host, int port, Narrator narrator) throws IOException {
    ServerSocket listener = ServerSockets.listen(host, port);
    EchoServer server = new EchoServer(listener, narrator);
    narrator.say(
        "listening on %s (one thread per client: a slow client never holds up the others)",
        Endpoint.of(listener.getLocalSocketAddress()));
    server.acceptor.start();
    return server;
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Blocks until the server stops: for server mode, where only Ctrl-C stops it. */
  void awaitStop() throws InterruptedException {
    acceptor.join();
  }

  private void acceptClients() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        narrator.say(
            "accepted %s <-> %s (local <-> remote: the 4-tuple naming this connection)",
            Endpoint.of(client.getLocalSocketAddress()),
            Endpoint.of(client.getRemoteSocketAddress()));
        Connection connection = new Connection(client);
        connections.add(connection);
        connection.thread.start();
      } catch (SocketException e) {
        if (!listener.isClosed()) {
          narrator.say("accept failed: %s", e.getMessage());
        }
      } catch (IOException e) {
        narrator.say("accept failed: %s", e.getMessage());
      }
    }
  }

  /** Stops accepting, lets connected clients finish (briefly), then hangs up on the rest. */
  @Override
  public void close() throws IOException {
    listener.close();
    Stopping.join(acceptor, CLIENT_GRACE_MILLIS);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLIENT_GRACE_MILLIS);
    for (Connection connection : connections) {
      connection.finishBy(deadline);
    }
    narrator.say("stopped");
  }

  /** One accepted client and the thread that echoes its bytes. */
  private final class Connection {
    final Socket socket;
    final Thread thread;

    Connection(Socket socket) {
      this.socket = socket;
      this.thread = new Thread(this::echo, "lab01-client-" + socket.getPort());
    }

    /** Lets the client hang up by {@code deadline} (a nanoTime); after that, hangs up on it. */
    void finishBy(long deadline) throws IOException {
      Stopping.join(
          thread, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      if (thread.isAlive()) {
        narrator.say("hanging up on %s", Endpoint.of(socket.getRemoteSocketAddress()));
        socket.close();
        Stopping.join(thread, CLIENT_GRACE_MILLIS);
      }
    }

    private void echo() {
      String peer = Endpoint.of(socket.getRemoteSocketAddress());
      long total = 0;
      try (socket;
          InputStream in = socket.getInputStream();
          OutputStream out = socket.getOutputStream()) {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
          narrator.say("echoing %d bytes back to %s", n, peer);
          out.write(buffer, 0, n);
          total += n;
        }
        narrator.say("%s hung up; echoed %d bytes in total", peer, total);
      } catch (IOException e) {
        narrator.say("connection to %s failed after %d bytes: %s", peer, total, e.getMessage());
      } finally {
        connections.remove(this);
      }
    }
  }
}
