package dev.wirelab.chat.socketio;

/** Runs for every event a client emits, before the event's own listeners. */
@FunctionalInterface
public interface AnyListener {
  void onEvent(String event, Args args);
}
