package dev.wirelab.chat.socketio.cluster.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Redis adapters, named as in {@code @socket.io/redis-adapter}.
 *
 * @param key the channel prefix ({@code "socket.io"}): nodes with the same prefix form a cluster
 * @param requestsTimeout how long fetchSockets and serverSideEmit wait for the other nodes
 * @param publishOnSpecificResponseChannel answer each requester on its own response channel instead
 *     of the shared one
 * @param maxQueuedCommands how many Redis commands wait while Redis is unreachable; beyond, new
 *     ones fail at once (and the broadcast stays on this node)
 */
public record RedisAdapterOptions(
    String key,
    Duration requestsTimeout,
    boolean publishOnSpecificResponseChannel,
    int maxQueuedCommands) {

  public RedisAdapterOptions {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(requestsTimeout, "requestsTimeout");
    if (maxQueuedCommands < 1) {
      throw new IllegalArgumentException("maxQueuedCommands must be at least 1");
    }
  }

  /** The Node adapter's defaults; at most 10 000 commands queued while Redis is down. */
  public static RedisAdapterOptions defaults() {
    return new RedisAdapterOptions("socket.io", Duration.ofSeconds(5), false, 10_000);
  }

  public RedisAdapterOptions withKey(String prefix) {
    return new RedisAdapterOptions(
        prefix, requestsTimeout, publishOnSpecificResponseChannel, maxQueuedCommands);
  }

  public RedisAdapterOptions withRequestsTimeout(Duration timeout) {
    return new RedisAdapterOptions(
        key, timeout, publishOnSpecificResponseChannel, maxQueuedCommands);
  }

  public RedisAdapterOptions withMaxQueuedCommands(int commands) {
    return new RedisAdapterOptions(
        key, requestsTimeout, publishOnSpecificResponseChannel, commands);
  }
}
