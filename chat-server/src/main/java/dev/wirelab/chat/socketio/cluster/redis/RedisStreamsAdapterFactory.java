package dev.wirelab.chat.socketio.cluster.redis;

import dev.wirelab.chat.socketio.SocketIoOptions;
import dev.wirelab.chat.socketio.adapter.Adapter;
import dev.wirelab.chat.socketio.adapter.LocalNamespace;
import dev.wirelab.chat.socketio.cluster.ClusterAdapterFactory;

/**
 * Gives every namespace of a server a {@link RedisStreamsAdapter} over one node's Redis connections
 * and one stream reader: {@code
 * SocketIoOptions.defaults().withRecovery(...).withAdapterFactory(RedisStreamsAdapterFactory.connect(url,
 * opts))}. Close it after the server.
 */
public final class RedisStreamsAdapterFactory implements ClusterAdapterFactory {
  private final RedisConnections redis;
  private final StreamReader reader;
  private final RedisStreamsAdapterOptions options;

  private RedisStreamsAdapterFactory(
      RedisConnections redis, StreamReader reader, RedisStreamsAdapterOptions options) {
    this.redis = redis;
    this.reader = reader;
    this.options = options;
  }

  /** Connects to {@code url}; fails with a one-line {@link IllegalStateException} if it cannot. */
  public static RedisStreamsAdapterFactory connect(String url, RedisStreamsAdapterOptions options) {
    RedisConnections redis = RedisConnections.connect(url, options.maxQueuedCommands());
    try {
      return new RedisStreamsAdapterFactory(
          redis,
          StreamReader.start(redis, options.streamName(), options.readCount(), options.blockTime()),
          options);
    } catch (IllegalStateException e) {
      redis.close();
      throw e;
    }
  }

  @Override
  public Adapter create(String namespace, LocalNamespace local, SocketIoOptions server) {
    return new RedisStreamsAdapter(
        namespace, local, redis, reader, options, server.recovery(), server.clock());
  }

  @Override
  public void close() {
    reader.close();
    redis.close();
  }
}
