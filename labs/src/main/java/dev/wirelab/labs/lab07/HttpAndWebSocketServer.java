package dev.wirelab.labs.lab07;

import dev.wirelab.labs.lab08.FrameStream;
import dev.wirelab.labs.support.ByteCounter;
import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ThreadPerConnection;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One TCP port, two protocols: every connection starts as HTTP; requests are answered by {@link
 * Pages}, until a request asks to upgrade — then the same connection carries WebSocket frames,
 * handed to a {@link WebSocketHandler}. Blocking sockets, one thread per connection.
 */
public final class HttpAndWebSocketServer implements AutoCloseable {
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

  /** Connections the kernel may queue before they are accepted. */
  private static final int BACKLOG = 50;

  private final Pages pages;
  private final WebSocketHandler webSocketHandler;
  private final Narrator narrator;
  private final ByteCounter httpTraffic = new ByteCounter();
  private final ByteCounter webSocketTraffic = new ByteCounter();
  private final ThreadPerConnection connections;

  private HttpAndWebSocketServer(
      String host, int port, Pages pages, WebSocketHandler handler, Narrator narrator)
      throws IOException {
    this.pages = pages;
    this.webSocketHandler = handler;
    this.narrator = narrator;
    // Last: from here on, connections may arrive and be served.
    this.connections =
        ThreadPerConnection.start(
            host, port, BACKLOG, "http+ws", this::serve, problem -> narrator.say("%s", problem));
  }

  /** Listens on {@code host:port} (0: any free port) and starts serving. */
  public static HttpAndWebSocketServer start(
      String host, int port, Pages pages, WebSocketHandler handler, Narrator narrator)
      throws IOException {
    HttpAndWebSocketServer server =
        new HttpAndWebSocketServer(host, port, pages, handler, narrator);
    narrator.say(
        "listening on %s: HTTP, and WebSocket after an Upgrade, on the same port",
        server.connections.endpoint());
    return server;
  }

  public int port() {
    return connections.port();
  }

  /**
   * Bytes of connections that stayed HTTP, counted at the socket: received from and sent to
   * clients.
   */
  public ByteCounter httpTraffic() {
    return httpTraffic;
  }

  /** Bytes of connections that upgraded, their HTTP handshake included. */
  public ByteCounter webSocketTraffic() {
    return webSocketTraffic;
  }

  /** Blocks until the server stops: for server mode, where only Ctrl-C stops it. */
  public void awaitStop() throws InterruptedException {
    connections.awaitStop();
  }

  /** Answers requests on one connection until the client hangs up, or the connection upgrades. */
  private void serve(Socket socket) throws IOException {
    String peer = Endpoint.of(socket.getRemoteSocketAddress());
    ByteCounter traffic = new ByteCounter();
    boolean upgraded = false;
    try {
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
          narrator.say(
              "%s from %s -> 101 Switching Protocols: this connection now carries frames",
              request.startLine(), peer);
          webSocketHandler.serve(FrameStream.serverEnd(in, out), narrator);
        } else {
          HttpResponse response =
              request.header("Upgrade").isEmpty()
                  ? pages.respond(request)
                  : HttpResponse.error(
                      400,
                      "Bad Request",
                      "an Upgrade request needs GET, Connection: Upgrade, "
                          + "Sec-WebSocket-Key and Sec-WebSocket-Version: 13");
          out.write(response.toBytes());
          out.flush();
          narrator.say(
              "%s from %s -> %d %s (%d body bytes)",
              request.startLine(),
              peer,
              response.status(),
              response.reason(),
              response.body().length);
        }
      }
    } finally {
      (upgraded ? webSocketTraffic : httpTraffic).add(traffic);
      narrator.say(
          "%s %s closed: received %d bytes, sent %d",
          upgraded ? "WebSocket" : "HTTP connection", peer, traffic.received(), traffic.sent());
    }
  }

  /** Stops accepting, hangs up on every connection and waits for their threads. */
  @Override
  public void close() throws IOException {
    connections.close();
    narrator.say("stopped");
  }
}
