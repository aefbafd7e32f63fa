import dev.wirelab.chat.socketio.SocketIoServer;

/**
 * Exercise 11: rooms on Wirelab's Socket.IO engine. Read TASK.md first.
 * {@link ChatServer} (given) starts the engine and calls {@link #install} once.
 */
public final class ChatHandlers {
  private ChatHandlers() {}

  /** Registers the handlers on {@code io}, before any client connects. */
  public static void install(SocketIoServer io) {
    // TODO on each connection (io.onConnection), register handlers for its events:
    //   "join" (room), acknowledged with the room's name
    //   "say" (room, text): "said" (name, room, text) to the room's other members; ack "ok"
  }
}
