import dev.wirelab.chat.socketio.Socket;
import dev.wirelab.chat.socketio.SocketIoServer;

/**
 * Exercise 11, a model solution: rooms on Wirelab's Socket.IO engine. A client joins a room,
 * and what it says there reaches the room's other members, not itself and not outsiders.
 */
public final class ChatHandlers {
  private ChatHandlers() {}

  public static void install(SocketIoServer io) {
    io.onConnection(ChatHandlers::welcome);
  }

  static void welcome(Socket socket) {
    String name = socket.handshake().auth().path("name").asText("anonymous");
    socket.on("join", (args, ack) -> {
      String room = args.text(0);
      socket.join(room);
      ack.send(room);
    });
    socket.on("say", (args, ack) -> {
      String room = args.text(0);
      // socket.to(room): the room's members except this socket (io.to(room) would include it).
      socket.broadcast().emit("said", name, room, args.text(1));
      ack.send("ok");
    });
  }
}
