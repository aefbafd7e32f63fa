package dev.wirelab.chat.classroom;

import dev.wirelab.chat.classroom.store.HistoryService;
import dev.wirelab.chat.classroom.store.MessageStore;
import dev.wirelab.chat.classroom.store.StoreException;
import dev.wirelab.chat.engineio.EngineIoOptions;
import dev.wirelab.chat.http.SocketIoWebServer;
import dev.wirelab.chat.socketio.SocketIoServer;
import dev.wirelab.common.cli.UserError;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The classroom chat, running: the page, Socket.IO and the history, on one port. {@code
 * ClassroomChat.start(settings)}, then {@link #port()}; {@link #close()} stops it.
 */
public final class ClassroomChat implements AutoCloseable {
  private final SocketIoWebServer server;
  private final HistoryService history;
  private final ScheduledExecutorService timer;

  private ClassroomChat(
      SocketIoWebServer server, HistoryService history, ScheduledExecutorService timer) {
    this.server = server;
    this.history = history;
    this.timer = timer;
  }

  /**
   * Opens the history, then listens; a file that cannot be opened or a busy port is one clear
   * {@link UserError}.
   */
  public static ClassroomChat start(ChatSettings settings) {
    HistoryService history;
    try {
      history =
          new HistoryService(MessageStore.open(settings.database(), settings.maxHistoryBytes()));
    } catch (StoreException e) {
      throw new UserError(e.getMessage() + " (choose another file with --db)", e);
    }
    SocketIoServer io = new SocketIoServer();
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "chat-news");
              thread.setDaemon(true);
              return thread;
            });
    try {
      SocketIoDelivery delivery = new SocketIoDelivery(io.mainNamespace());
      RoomNews.Scheduler later =
          (delay, task) -> timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
      delivery.serve(
          new ChatEvents(
              history,
              delivery,
              settings.teacherToken(),
              later,
              Clock.systemUTC(),
              System::nanoTime));
      EngineIoOptions options =
          EngineIoOptions.defaults()
              .withAllowedOrigins(settings.allowedOrigins().toArray(String[]::new));
      SocketIoWebServer server =
          SocketIoWebServer.start(
              io,
              options,
              settings.host(),
              settings.port(),
              web -> web.staticResources("/", "web"));
      return new ClassroomChat(server, history, timer);
    } catch (Exception e) {
      // Exception, not RuntimeException: Netty throws a bind failure as an undeclared checked one.
      io.close();
      timer.shutdownNow();
      history.close();
      if (isBindFailure(e)) {
        throw new UserError(
            "cannot listen on "
                + settings.host()
                + ":"
                + settings.port()
                + ": "
                + e.getMessage()
                + " (is another chat running? stop it or choose another --port)",
            e);
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
    timer.shutdownNow();
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
