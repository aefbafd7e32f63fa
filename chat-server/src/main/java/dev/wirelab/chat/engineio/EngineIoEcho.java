package dev.wirelab.chat.engineio;

import java.util.function.Consumer;

/**
 * Sends every message straight back, text as text and binary as binary: the raw Engine.IO endpoint
 * that the official engine.io-protocol test suite talks to on {@code /engine.io/}.
 */
public final class EngineIoEcho implements EngineIoSocket.ConnectionListener {
  private final Consumer<CloseReason> closed;

  /** An echo that keeps no state per session, so nothing happens when one closes. */
  public EngineIoEcho() {
    this(reason -> {});
  }

  /** An echo that hands each session's close reason to {@code closed}. */
  public EngineIoEcho(Consumer<CloseReason> closed) {
    this.closed = closed;
  }

  @Override
  public void onOpen(EngineIoSocket socket) {
    socket.setHandler(
        new EngineIoSocket.Handler() {
          @Override
          public void onMessage(String text) {
            socket.send(text);
          }

          @Override
          public void onBinary(byte[] binary) {
            socket.send(binary);
          }

          @Override
          public void onClose(CloseReason reason) {
            closed.accept(reason);
          }
        });
  }
}
