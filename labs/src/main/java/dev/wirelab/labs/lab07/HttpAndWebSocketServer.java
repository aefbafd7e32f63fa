package dev.wirelab.labs.lab07;

import dev.wirelab.labs.lab08.FrameStream;
import dev.wirelab.labs.support.ByteCounter;
import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.Narrator;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One TCP port, two protocols: every connection starts as HTTP; requests are answered by
 * {@link Pages}, until a request asks to upgrade — then the same connection carries WebSocket
 * frames, handed to a {@link WebSocketHandler}. Blocking sockets, one thread per connection.
 */
public final class HttpAndWebSocketServer implements AutoCloseable {
  /** How long {@link #close} waits for each connection's thread after hanging up on it. */
  private static final long THREAD_JOIN_MILLIS = 2_000;

  /** Answers a plain HTTP request. */
  @FunctionalInterface
  public interface Pages {
    HttpResponse respond(HttpHead request);
  }

  /** Serves one upgraded connection until it ends. */
  @FunctionalInterface
  public interface WebSocketHandler {
    void serve(FrameStream frames, Narrator narrator) throws IOException;
  }

  private final ServerSocket listener;
  private final Pages pages;
  private final WebSocketHandler webSocketHandler;
  private final Narrator narrator;
  private final Thread acceptor;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final ByteCounter httpTraffic = new ByteCounter();
  private final ByteCounter webSocketTraffic = new ByteCounter();

  private HttpAndWebSocketServer(ServerSocket listener, Pages pages, WebSocketHandler handler, Narrator narrator) {
    this.listener = listener;
    this.pages = pages;
    this.webSocketHandler = handler;
    this.narrator = narrator;
    this.acceptor = new Thread(this::acceptConnections, "http+ws-accept-" + listener.getLocalPort());
  }

  /** Listens on {@code host:port} (0: any free port) and starts serving. */
  public static HttpAndWebSocketServer start(
      String host, int port, Pages pages, WebSocketHandler handler, Narrator narrator) throws IOException {
    ServerSocket listener = new ServerSocket();
    try {
      listener.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      listener.close();
      throw e;
    }
    HttpAndWebSocketServer server = new HttpAndWebSocketServer(listener, pages, handler, narrator);
    narrator.say("listening on %s: HTTP, and WebSocket after an Upgrade, on the same port",
        Endpoint.of(listener.getLocalSocketAddress()));
    server.acceptor.start();
    return server;
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Bytes of connections that stayed HTTP, counted at the socket: received from and sent to clients. */
  public ByteCounter httpTraffic() {
    return httpTraffic;
  }

  /** Bytes of connections that upgraded, their HTTP handshake included. */
  public ByteCounter webSocketTraffic() {
    return webSocketTraffic;
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
        Thread thread = new Thread(() -> serve(socket), "http+ws-" + socket.getPort());
        threads.add(thread);
        thread.start();
      } catch (IOException e) {
        if (!listener.isClosed()) {
          narrator.say("accept failed: %s", e.getMessage());
        }
      }
    }
  }

  private void serve(Socket socket) {
    String peer = Endpoint.of(socket.getRemoteSocketAddress());
    ByteCounter traffic = new ByteCounter();
    boolean upgraded = false;
    try (socket) {
      // Count below the buffers: exactly the bytes the socket received and sent.
      InputStream in = new BufferedInputStream(traffic.counting(socket.getInputStream()));
      OutputStream out = new BufferedOutputStream(traffic.counting(socket.getOutputStream()));
      Optional<HttpHead> next;
      while (!upgraded && (next = HttpHead.read(in)).isPresent()) {
        HttpHead request = next.get();
        if (WebSocketHandshake.isUpgrade(request)) {
          out.write(WebSocketHandshake.response(request).getBytes(StandardCharsets.US_ASCII));
          out.flush();
          upgraded = true;
          narrator.say("%s from %s -> 101 Switching Protocols: this connection now carries frames",
              request.startLine(), peer);
          webSocketHandler.serve(FrameStream.serverEnd(in, out), narrator);
        } else {
          HttpResponse response = request.header("Upgrade").isEmpty()
              ? pages.respond(request)
              : HttpResponse.error(400, "Bad Request", "an Upgrade request needs GET, Connection: Upgrade, "
                  + "Sec-WebSocket-Key and Sec-WebSocket-Version: 13");
          out.write(response.toBytes());
          out.flush();
          narrator.say("%s from %s -> %d %s (%d body bytes)", request.startLine(), peer,
              response.status(), response.reason(), response.body().length);
        }
      }
    } catch (IOException e) {
      if (!listener.isClosed()) {
        narrator.say("connection from %s failed: %s", peer, e.getMessage());
      }
    } finally {
      (upgraded ? webSocketTraffic : httpTraffic).add(traffic);
      narrator.say("%s %s closed: received %d bytes, sent %d", upgraded ? "WebSocket" : "HTTP connection",
          peer, traffic.received(), traffic.sent());
      sockets.remove(socket);
    }
  }

  /** Stops accepting, hangs up on every connection and waits for their threads. */
  @Override
  public void close() throws IOException, InterruptedException {
    listener.close();
    acceptor.join(THREAD_JOIN_MILLIS);
    for (Socket socket : sockets) {
      socket.close();
    }
    for (Thread thread : threads) {
      thread.join(THREAD_JOIN_MILLIS);
    }
    narrator.say("stopped");
  }
}
