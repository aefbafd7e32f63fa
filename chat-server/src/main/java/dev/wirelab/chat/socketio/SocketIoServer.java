package dev.wirelab.chat.socketio;

import dev.wirelab.chat.engineio.EngineIoSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket.IO v5 server: give it to an Engine.IO server as its connection listener, then register
 * namespaces and listeners, e.g. {@code io.onConnection(socket -> socket.on("ping", (args, ack) ->
 * ack.send("pong")))}.
 *
 * <p>Threads: listeners of a socket run on its Engine.IO session's event loop, one at a time; ack
 * timeouts and the connect timeout run on this server's timer thread. Everything shared between
 * sessions (namespaces, rooms, the recovery log) is thread-safe, and every public method may be
 * called from any thread.
 */
public final class SocketIoServer implements EngineIoSocket.ConnectionListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SocketIoServer.class);
  private static final AtomicInteger TIMER_NUMBER = new AtomicInteger();

  private final SocketIoOptions options;
  private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();
  private final List<DynamicNamespace> dynamicNamespaces = new CopyOnWriteArrayList<>();
  private final Set<ClientConnection> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledThreadPoolExecutor timer;
  private final ConnectFailures connectFailures;
  private volatile boolean closed;

  /** A server with {@link SocketIoOptions#defaults()}. */
  public SocketIoServer() {
    this(SocketIoOptions.defaults());
  }

  public SocketIoServer(SocketIoOptions options) {
    this.options = options;
    this.connectFailures =
        new ConnectFailures(() -> TimeUnit.MILLISECONDS.toNanos(options.clock().millis()));
    this.timer =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread =
                  new Thread(runnable, "socketio-timer-" + TIMER_NUMBER.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
    of("/");
  }

  ConnectFailures connectFailures() {
    return connectFailures;
  }

  public SocketIoOptions options() {
    return options;
  }

  /** The namespace with this name, created on first use; names start with {@code /}. */
  public Namespace of(String name) {
    if (!name.startsWith("/")) {
      throw new IllegalArgumentException("a namespace name starts with '/': " + name);
    }
    return namespaces.computeIfAbsent(name, n -> new Namespace(this, n, null));
  }

  /** Namespaces created when a client first asks for a name the pattern matches in full. */
  public DynamicNamespace of(Pattern names) {
    return of(name -> names.matcher(name).matches());
  }

  /** Namespaces created when a client first asks for a name the predicate accepts. */
  public DynamicNamespace of(Predicate<String> names) {
    DynamicNamespace dynamic = new DynamicNamespace(names);
    dynamicNamespaces.add(dynamic);
    return dynamic;
  }

  /** The main namespace, {@code "/"}. */
  public Namespace mainNamespace() {
    return of("/");
  }

  /** Adds a connection listener to the main namespace. */
  public SocketIoServer onConnection(Consumer<Socket> listener) {
    mainNamespace().onConnection(listener);
    return this;
  }

  /** Adds a middleware to the main namespace. */
  public SocketIoServer use(Middleware middleware) {
    mainNamespace().use(middleware);
    return this;
  }

  /** Broadcasts in the main namespace to these rooms. */
  public BroadcastOperator to(String... rooms) {
    return mainNamespace().to(rooms);
  }

  /** Emits to every socket of the main namespace. */
  public void emit(String event, Object... args) {
    mainNamespace().emit(event, args);
  }

  @Override
  public void onOpen(EngineIoSocket conn) {
    if (closed) {
      conn.close();
      return;
    }
    clients.add(new ClientConnection(this, conn));
  }

  /**
   * Disconnects every socket with "server shutting down", closes their sessions and stops the
   * timer. The Engine.IO server and its port are closed by their owner.
   */
  @Override
  public void close() {
    closed = true;
    clients.forEach(ClientConnection::shutdown);
    namespaces.values().forEach(namespace -> namespace.adapter().close());
    timer.shutdownNow();
    try {
      if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("the Socket.IO timer thread did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The namespace a client asks for: an existing one, or a new child of a matching dynamic one. */
  Optional<Namespace> namespaceFor(String name) {
    Namespace existing = namespaces.get(name);
    if (existing != null) {
      return Optional.of(existing);
    }
    for (DynamicNamespace dynamic : dynamicNamespaces) {
      if (dynamic.matches(name)) {
        return Optional.of(
            namespaces.computeIfAbsent(
                name,
                n -> {
                  Namespace child = new Namespace(this, n, dynamic);
                  dynamic.adopt(child);
                  return child;
                }));
      }
    }
    return Optional.empty();
  }

  /** Runs {@code task} on the timer thread after {@code delay}. */
  ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    try {
      return timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("the Socket.IO server is closed", e);
    }
  }

  void forget(ClientConnection client) {
    clients.remove(client);
  }
}
