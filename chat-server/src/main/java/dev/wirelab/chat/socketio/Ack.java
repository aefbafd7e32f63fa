package dev.wirelab.chat.socketio;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The answer to one event that asked for an acknowledgement. When the client did not ask, {@link
 * #requested()} is false and {@link #send} does nothing, so handlers may answer always.
 */
public final class Ack {
  private final Socket socket;
  private final long id;
  private final AtomicBoolean sent = new AtomicBoolean();

  Ack(Socket socket, long id) {
    this.socket = socket;
    this.id = id;
  }

  /** Whether the client waits for this acknowledgement. */
  public boolean requested() {
    return socket != null;
  }

  /** Sends the acknowledgement with these arguments; a second call fails. */
  public void send(Object... args) {
    if (socket == null) {
      return;
    }
    if (!sent.compareAndSet(false, true)) {
      throw new IllegalStateException("ack " + id + " was already sent");
    }
    socket.sendAck(id, args);
  }

  static Ack none() {
    return new Ack(null, -1);
  }
}
