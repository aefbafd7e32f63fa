package dev.wirelab.chat.socketio;

import java.util.function.Consumer;

/**
 * Handles an event another node of the cluster sent with {@code serverSideEmit}. When the sender
 * waits for answers, {@code reply} takes this node's one answer; otherwise it does nothing.
 */
@FunctionalInterface
public interface ServerEventListener {
  void onEvent(Args args, Consumer<Object> reply);
}
