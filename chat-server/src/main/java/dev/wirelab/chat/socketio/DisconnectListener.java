package dev.wirelab.chat.socketio;

/**
 * Runs once when a socket disconnects (or is disconnecting); the reason is one of {@link
 * DisconnectReason}'s.
 */
@FunctionalInterface
public interface DisconnectListener {
  void onDisconnect(String reason);
}
