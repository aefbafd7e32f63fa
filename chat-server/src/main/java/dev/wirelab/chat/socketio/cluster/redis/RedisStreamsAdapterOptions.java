package dev.wirelab.chat.socketio.cluster.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Redis Streams adapter, named and defaulting as in {@code
 * @socket.io/redis-streams-adapter} 0.3.
 *
 * @param streamName the stream every node reads and appends to ({@code "socket.io"})
 * @param maxLen about how many entries the stream keeps ({@code MAXLEN ~}); a session can be
 *     recovered while its offset is among them
 * @param readCount how many entries one XREAD takes at most
 * @param blockTime how long one XREAD waits for new entries
 * @param channelPrefix the pub/sub channel prefix of requests and responses ({@code "socket.io"})
 * @param sessionKeyPrefix the key prefix of persisted sessions ({@code "sio:session:"})
 * @param requestsTimeout how long fetchSockets waits for the other nodes
 * @param maxQueuedCommands how many Redis commands wait while Redis is unreachable; beyond, new
 *     ones fail at once
 */
public record RedisStreamsAdapterOptions(
    String streamName,
    long maxLen,
    int readCount,
    Duration blockTime,
    String channelPrefix,
    String sessionKeyPrefix,
    Duration requestsTimeout,
    int maxQueuedCommands) {

  public RedisStreamsAdapterOptions {
    Objects.requireNonNull(streamName, "streamName");
    Objects.requireNonNull(channelPrefix, "channelPrefix");
    Objects.requireNonNull(sessionKeyPrefix, "sessionKeyPrefix");
    if (maxLen < 1 || readCount < 1 || maxQueuedCommands < 1) {
      throw new IllegalArgumentException(
          "maxLen, readCount and maxQueuedCommands must be at least 1");
    }
    if (blockTime.isNegative() || blockTime.isZero() || requestsTimeout.isNegative()) {
      throw new IllegalArgumentException("blockTime and requestsTimeout must be positive");
    }
  }

  /** The Node adapter's defaults; at most 10 000 commands queued while Redis is down. */
  public static RedisStreamsAdapterOptions defaults() {
    return new RedisStreamsAdapterOptions(
        "socket.io",
        10_000,
        100,
        Duration.ofSeconds(5),
        "socket.io",
        "sio:session:",
        Duration.ofSeconds(5),
        10_000);
  }

  public RedisStreamsAdapterOptions withRequestsTimeout(Duration timeout) {
    return new RedisStreamsAdapterOptions(
        streamName,
        maxLen,
        readCount,
        blockTime,
        channelPrefix,
        sessionKeyPrefix,
        timeout,
        maxQueuedCommands);
  }

  public RedisStreamsAdapterOptions withMaxQueuedCommands(int commands) {
    return new RedisStreamsAdapterOptions(
        streamName,
        maxLen,
        readCount,
        blockTime,
        channelPrefix,
        sessionKeyPrefix,
        requestsTimeout,
        commands);
  }
}
