package dev.wirelab.bench.server;

import dev.wirelab.chat.socketio.SocketIoServer;

/**
 * The bench protocol every server in the side-by-side implements the same way: {@code join} (room
 * name) puts the socket in that room and acks; {@code chat} (any payload) goes to everyone in the
 * sender's room, the sender included ({@code io.to(room)}), so a run delivers senders × rate ×
 * clients messages per second.
 */
public final class BenchProtocol {
  private static final String ROOM = "room";

  private BenchProtocol() {}

  public static void install(SocketIoServer io) {
    io.onConnection(
        socket -> {
          socket.on(
              "join",
              (args, ack) -> {
                String room = args.text(0);
                socket.join(room);
                socket.data().put(ROOM, room);
                ack.send("joined");
              });
          socket.on(
              "chat",
              (args, ack) -> {
                Object room = socket.data().get(ROOM);
                if (room != null) {
                  io.to((String) room).emit("chat", args.toArray());
                }
              });
        });
  }
}
