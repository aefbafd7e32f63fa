package dev.wirelab.chat.http;

import dev.wirelab.chat.engineio.EngineIoOptions;
import dev.wirelab.chat.engineio.EngineIoServer;
import dev.wirelab.chat.socketio.SocketIoServer;
import java.util.function.UnaryOperator;

/**
 * A Socket.IO server on a port of its own: its engine under {@code /socket.io/} of a {@link
 * WebServer}, started and closed together. The classroom chat, the protocol fixture, lab 11's
 * server and the bench server are each one of these plus their own handlers.
 */
public final class SocketIoWebServer implements AutoCloseable {
  private final SocketIoServer io;
  private final WebServer web;

  private SocketIoWebServer(SocketIoServer io, WebServer web) {
    this.io = io;
    this.web = web;
  }

  /**
   * Binds {@code host:port} (0 for any free port) and serves {@code io}; {@code more} adds routes
   * of the caller's (static files, another engine). On failure {@code io} is closed and the bind
   * failure thrown as Netty throws it: an undeclared checked exception, so catch Exception.
   */
  public static SocketIoWebServer start(
      SocketIoServer io,
      EngineIoOptions options,
      String host,
      int port,
      UnaryOperator<WebServer.Builder> more) {
    try {
      WebServer.Builder builder =
          WebServer.builder()
              .host(host)
              .port(port)
              .engineIo("/socket.io/", new EngineIoServer(options, io));
      return new SocketIoWebServer(io, more.apply(builder).start());
    } catch (Exception e) {
      // Exception, not RuntimeException: Netty throws a bind failure as an undeclared checked one.
      io.close();
      throw e;
    }
  }

  /**
   * {@link #start(SocketIoServer, EngineIoOptions, String, int, UnaryOperator)} with nothing more.
   */
  public static SocketIoWebServer start(
      SocketIoServer io, EngineIoOptions options, String host, int port) {
    return start(io, options, host, port, UnaryOperator.identity());
  }

  public SocketIoServer io() {
    return io;
  }

  public int port() {
    return web.port();
  }

  /** Disconnects every socket, then stops listening and closes every connection. */
  @Override
  public void close() {
    io.close();
    web.close();
  }
}
