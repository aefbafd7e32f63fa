package dev.wirelab.chat.engineio;

/**
 * Sends every message straight back, text as text and binary as binary: the raw Engine.IO
 * endpoint that the official engine.io-protocol test suite talks to on {@code /engine.io/}.
 */
public final class EngineIoEcho implements EngineIoSocket.ConnectionListener {

  @Override
  public void onOpen(EngineIoSocket socket) {
    socket.setHandler(new EngineIoSocket.Handler() {
      @Override
      public void onMessage(String text) {
        socket.send(text);
      }

      @Override
      public void onBinary(byte[] binary) {
        socket.send(binary);
      }

      @Override
      public void onClose(String reason) {
        // Nothing to clean up: an echo keeps no state per session.
      }
    });
  }
}
