package dev.wirelab.labs.lab16;

import dev.wirelab.chat.engineio.EngineIoOptions;
import dev.wirelab.chat.socketio.Namespace;
import dev.wirelab.chat.socketio.SocketIoOptions;
import dev.wirelab.chat.socketio.cluster.redis.RedisAdapterFactory;
import dev.wirelab.labs.lab11.SocketIoLabServer;
import java.net.BindException;

/**
 * One Socket.IO node of the lab's cluster: {@code join} (room) joins it, {@code say} (room, text)
 * emits {@code said} (sender's id, text) to that room on every node.
 */
final class ClusterNode {
  private ClusterNode() {}

  static SocketIoLabServer start(
      String host, int port, RedisAdapterFactory adapters, String nodeTag) throws BindException {
    SocketIoLabServer node =
        SocketIoLabServer.start(
            host,
            port,
            SocketIoOptions.defaults().withAdapterFactory(adapters),
            EngineIoOptions.defaults().withNodeTag(nodeTag));
    Namespace io = node.io().mainNamespace();
    io.onConnection(
        socket -> {
          socket.on(
              "join",
              (args, ack) -> {
                socket.join(args.text(0));
                ack.send();
              });
          socket.on(
              "say",
              (args, ack) -> {
                io.to(args.text(0)).emit("said", socket.id(), args.text(1));
                ack.send();
              });
        });
    return node;
  }
}
