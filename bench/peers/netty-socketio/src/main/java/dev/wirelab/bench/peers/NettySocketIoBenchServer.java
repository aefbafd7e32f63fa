package dev.wirelab.bench.peers;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import java.util.concurrent.CountDownLatch;

/**
 * The bench protocol on netty-socketio: {@code join} puts the client in a room and acks;
 * {@code chat} goes to everyone in that room, the sender included. Run with a port; binds
 * 127.0.0.1 only and stops on SIGTERM.
 */
public final class NettySocketIoBenchServer {
  private static final String ROOM = "room";

  private NettySocketIoBenchServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    Configuration config = new Configuration();
    config.setHostname("127.0.0.1");
    config.setPort(port);
    config.setTransports(Transport.WEBSOCKET, Transport.POLLING);
    config.setUseLinuxNativeEpoll(true);
    SocketConfig socket = new SocketConfig();
    socket.setReuseAddress(true);
    socket.setTcpNoDelay(true);
    config.setSocketConfig(socket);

    SocketIOServer server = new SocketIOServer(config);
    server.addEventListener("join", String.class, (client, room, ack) -> {
      client.joinRoom(room);
      client.set(ROOM, room);
      ack.sendAckData("joined");
    });
    server.addEventListener("chat", Object.class, (client, payload, ack) -> {
      String room = client.get(ROOM);
      if (room != null) {
        server.getRoomOperations(room).sendEvent("chat", payload);
      }
    });
    server.start();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      stopped.countDown();
    }));
    System.out.println("netty-socketio " + port + " ready");
    stopped.await();
  }
}
