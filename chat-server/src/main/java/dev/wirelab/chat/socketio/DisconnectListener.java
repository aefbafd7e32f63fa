package dev.wirelab.chat.socketio;

/** Runs once when a socket disconnects (or is disconnecting), with the reason why. */
@FunctionalInterface
public interface DisconnectListener {
  void onDisconnect(DisconnectReason reason);
}
