package dev.wirelab.chat.socketio.cluster.redis;

import dev.wirelab.chat.socketio.SocketIoOptions;
import dev.wirelab.chat.socketio.adapter.Adapter;
import dev.wirelab.chat.socketio.adapter.InMemoryAdapter;
import dev.wirelab.chat.socketio.adapter.LocalNamespace;
import dev.wirelab.chat.socketio.cluster.ClusterAdapterFactory;

/**
 * Gives every namespace of a server a {@link RedisAdapter} over one pair of Redis connections:
 * {@code SocketIoOptions.defaults().withAdapterFactory(RedisAdapterFactory.connect(url, opts))}.
 * Close it after the server.
 */
public final class RedisAdapterFactory implements ClusterAdapterFactory {
  private final RedisConnections redis;
  private final RedisAdapterOptions options;

  private RedisAdapterFactory(RedisConnections redis, RedisAdapterOptions options) {
    this.redis = redis;
    this.options = options;
  }

  /** Connects to {@code url}; fails with a one-line {@link IllegalStateException} if it cannot. */
  public static RedisAdapterFactory connect(String url, RedisAdapterOptions options) {
    return new RedisAdapterFactory(
        RedisConnections.connect(url, options.maxQueuedCommands()), options);
  }

  @Override
  public Adapter create(String namespace, LocalNamespace local, SocketIoOptions server) {
    return new RedisAdapter(
        namespace,
        new InMemoryAdapter(local, server.recovery(), server.clock()),
        local,
        redis,
        options);
  }

  @Override
  public void close() {
    redis.close();
  }
}
