package dev.wirelab.chat.classroom;

import dev.wirelab.chat.classroom.store.HistoryService;
import dev.wirelab.chat.classroom.store.MessageStore;
import dev.wirelab.chat.classroom.store.StoreException;
import dev.wirelab.chat.engineio.EngineIoOptions;
import dev.wirelab.chat.http.SocketIoWebServer;
import dev.wirelab.chat.socketio.SocketIoServer;
import dev.wirelab.common.cli.UserError;

/**
 * The classroom chat, running: the page, Socket.IO and the history, on one port.
 * {@code ClassroomChat.start(settings)}, then {@link #port()}; {@link #close()} stops it.
 */
public final class ClassroomChat implements AutoCloseable {
  private final SocketIoWebServer server;
  private final HistoryService history;

  private ClassroomChat(SocketIoWebServer server, HistoryService history) {
    this.server = server;
    this.history = history;
  }

  /** Opens the history, then listens; a file that cannot be opened or a busy port is one clear {@link UserError}. */
  public static ClassroomChat start(ChatSettings settings) {
    HistoryService history;
    try {
      history = new HistoryService(MessageStore.open(settings.database(), settings.maxHistoryBytes()));
    } catch (StoreException e) {
      throw new UserError(e.getMessage() + " (choose another file with --db)", e);
    }
    SocketIoServer io = new SocketIoServer();
    try {
      SocketIoDelivery delivery = new SocketIoDelivery(io.mainNamespace());
      delivery.serve(new ChatEvents(history, delivery, settings.teacherToken()));
      EngineIoOptions options = EngineIoOptions.defaults()
          .withAllowedOrigins(settings.allowedOrigins().toArray(String[]::new));
      SocketIoWebServer server = SocketIoWebServer.start(io, options, settings.host(), settings.port(),
          web -> web.staticResources("/", "web"));
      return new ClassroomChat(server, history);
    } catch (Exception e) {
      // Exception, not RuntimeException: Netty throws a bind failure as an undeclared checked one.
      io.close();
      history.close();
      if (isBindFailure(e)) {
        throw new UserError("cannot listen on " + settings.host() + ":" + settings.port()
            + ": " + e.getMessage() + " (is another chat running? stop it or choose another --port)", e);
      }
      throw e;
    }
  }

  public int port() {
    return server.port();
  }

  /** Closes every connection, lets queued history writes finish, closes the file. */
  @Override
  public void close() {
    server.close();
    history.close();
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.BindException
          || String.valueOf(cause.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }
}
