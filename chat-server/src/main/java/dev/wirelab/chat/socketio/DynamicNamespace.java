package dev.wirelab.chat.socketio;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Namespaces created on first use when their name matches, e.g. {@code
 * io.of(Pattern.compile("/room-\\d+"))}. Its middlewares and connection listeners apply to every
 * child namespace it creates.
 */
public final class DynamicNamespace {
  private final Predicate<String> names;
  private final List<Middleware> middlewares = new CopyOnWriteArrayList<>();
  private final List<Consumer<Socket>> connectionListeners = new CopyOnWriteArrayList<>();
  private final List<Namespace> children = new CopyOnWriteArrayList<>();

  DynamicNamespace(Predicate<String> names) {
    this.names = names;
  }

  /** Adds a middleware run for sockets joining any child namespace, before the child's own. */
  public DynamicNamespace use(Middleware middleware) {
    middlewares.add(middleware);
    return this;
  }

  /**
   * Adds a listener for sockets that joined any child namespace ({@code socket.namespace()} tells
   * which).
   */
  public DynamicNamespace onConnection(Consumer<Socket> listener) {
    connectionListeners.add(listener);
    return this;
  }

  /** The namespaces created so far. */
  public List<Namespace> children() {
    return List.copyOf(children);
  }

  boolean matches(String name) {
    return names.test(name);
  }

  void adopt(Namespace child) {
    children.add(child);
  }

  List<Middleware> middlewares() {
    return middlewares;
  }

  List<Consumer<Socket>> connectionListeners() {
    return connectionListeners;
  }
}
