package dev.wirelab.chat.socketio;

/**
 * Runs when a client emits the event it is registered for: {@code socket.on("chat", (args, ack) ->
 * ...)}.
 */
@FunctionalInterface
public interface EventListener {
  /**
   * @param args the event's arguments
   * @param ack answers the client; {@link Ack#requested()} says whether it waits for one
   */
  void onEvent(Args args, Ack ack);
}
