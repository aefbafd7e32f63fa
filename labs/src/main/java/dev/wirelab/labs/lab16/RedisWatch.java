package dev.wirelab.labs.lab16;

import dev.wirelab.chat.socketio.cluster.MsgPack;
import dev.wirelab.chat.socketio.cluster.redis.RedisConnections;
import dev.wirelab.labs.support.Narrator;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.nio.charset.StandardCharsets;

/**
 * Listens to every channel the Socket.IO adapters use ({@code socket.io*}) and prints each message
 * as the nodes see it: a broadcast in msgpack, a request or answer in JSON.
 */
final class RedisWatch implements AutoCloseable {
  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisPubSubConnection<byte[], byte[]> connection;

  private RedisWatch(
      ClientResources resources,
      RedisClient client,
      StatefulRedisPubSubConnection<byte[], byte[]> connection) {
    this.resources = resources;
    this.client = client;
    this.connection = connection;
  }

  static RedisWatch start(String url, Narrator narrator) {
    ClientResources resources = RedisConnections.smallResources();
    RedisClient client = RedisClient.create(resources, RedisURI.create(url));
    StatefulRedisPubSubConnection<byte[], byte[]> connection =
        client.connectPubSub(ByteArrayCodec.INSTANCE);
    connection.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(byte[] pattern, byte[] channel, byte[] message) {
            narrator.say(
                "PUBLISH %s (%d bytes): %s",
                new String(channel, StandardCharsets.UTF_8), message.length, decode(message));
          }
        });
    // Waits for Redis to confirm, so nothing published after start() is missed.
    connection.sync().psubscribe("socket.io*".getBytes(StandardCharsets.UTF_8));
    return new RedisWatch(resources, client, connection);
  }

  /** What a message says: JSON as it is; msgpack turned into the same JSON notation. */
  static String decode(byte[] message) {
    if (message.length > 0 && message[0] == '{') {
      return new String(message, StandardCharsets.UTF_8);
    }
    try {
      return "msgpack " + MsgPack.decode(message);
    } catch (MsgPack.MsgPackException e) {
      return "not msgpack (" + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    connection.close();
    RedisConnections.shutDown(client, resources);
  }
}
