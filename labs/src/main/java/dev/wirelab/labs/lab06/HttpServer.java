package dev.wirelab.labs.lab06;

import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ThreadPerConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.Optional;

/**
 * A minimal HTTP/1.1 server on a plain {@link ServerSocket}: one thread per connection, several
 * requests per connection (keep-alive) until the client says {@code Connection: close}, a request
 * is malformed, or the connection sits idle.
 */
public final class HttpServer implements AutoCloseable {
  /** An idle keep-alive connection is closed after this long, as real servers do. */
  static final int IDLE_TIMEOUT_MILLIS = 10_000;

  private static final int BACKLOG = 50;
  private static final int LINGER_MILLIS = 1_000;
  private static final int LINGER_BYTES = 64 * 1024;

  private final Narrator narrator;
  private final HttpDate date;
  private final ThreadPerConnection connections;
  private volatile boolean stopping;

  private HttpServer(String host, int port, Narrator narrator, Clock clock) throws IOException {
    this.narrator = narrator;
    this.date = new HttpDate(clock);
    // Last: from here on, connections may arrive and be served.
    this.connections =
        ThreadPerConnection.start(
            host,
            port,
            BACKLOG,
            "lab06-connection",
            this::serve,
            problem -> narrator.say("%s", problem));
  }

  /** Starts serving; {@code clock} gives the {@code Date} header (tests pass a fixed one). */
  public static HttpServer start(String host, int port, Narrator narrator, Clock clock)
      throws IOException {
    HttpServer server = new HttpServer(host, port, narrator, clock);
    narrator.say("listening on %s (one thread per connection)", server.connections.endpoint());
    return server;
  }

  public int port() {
    return connections.port();
  }

  /** Blocks until the server is closed (server mode: until Ctrl-C ends the process). */
  public void awaitStop() throws InterruptedException {
    connections.awaitStop();
  }

  private void serve(Socket connection) {
    String peer = Endpoint.of(connection.getRemoteSocketAddress());
    try {
      connection.setSoTimeout(IDLE_TIMEOUT_MILLIS);
      RequestReader requests = new RequestReader(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      int served = 0;
      boolean open = true;
      while (open) {
        Response response;
        boolean head = false;
        try {
          Optional<Request> next = requests.next();
          if (next.isEmpty()) {
            narrator.say("%s closed the connection after %d request(s)", peer, served);
            return;
          }
          Request request = next.get();
          head = request.method().equals("HEAD");
          open = request.keepAlive() && !request.hasBody();
          response = Site.respond(request);
          narrator.say(
              "%s request %d: %s -> %d %s%s",
              peer,
              ++served,
              request.requestLine(),
              response.status(),
              response.reason(),
              open ? ", keeping the connection open" : ", then closing");
        } catch (BadRequest bad) {
          response = bad.response();
          open = false;
          narrator.say(
              "%s request %d typed wrong -> %s, then closing",
              peer, ++served, response.statusLine());
        }
        out.write(
            response
                .with("Connection", open ? "keep-alive" : "close")
                .with("Date", date.now())
                .with("Server", "wirelab-lab06")
                .toBytes(!head));
        out.flush();
      }
      closeGently(connection);
    } catch (SocketTimeoutException idle) {
      narrator.say("%s was idle for %d s: closing it", peer, IDLE_TIMEOUT_MILLIS / 1000);
    } catch (SocketException closedByStop) {
      // close() shuts every connection down; anything else is worth saying.
      if (!stopping) {
        narrator.say("%s: %s", peer, closedByStop.getMessage());
      }
    } catch (IOException e) {
      narrator.say("%s: %s", peer, e.getMessage());
    }
  }

  /**
   * Closing a socket with unread bytes in it makes the kernel send RST, and the client may lose the
   * response it has not read yet. So: send FIN first, then read and drop what the client still
   * sends (a bounded amount, for a bounded time), then close.
   */
  private static void closeGently(Socket connection) throws IOException {
    connection.shutdownOutput();
    connection.setSoTimeout(LINGER_MILLIS);
    InputStream in = connection.getInputStream();
    byte[] discard = new byte[4096];
    int dropped = 0;
    try {
      int n;
      while (dropped < LINGER_BYTES && (n = in.read(discard)) != -1) {
        dropped += n;
      }
    } catch (SocketTimeoutException keptOpen) {
      // The client has not closed its side within LINGER_MILLIS: it has had its chance.
      return;
    }
  }

  /** Stops accepting, hangs up on every connection, and waits for their threads. */
  @Override
  public void close() throws IOException {
    stopping = true;
    connections.close();
    narrator.say("stopped");
  }
}
