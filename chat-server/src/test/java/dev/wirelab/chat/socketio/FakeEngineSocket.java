package dev.wirelab.chat.socketio;

import dev.wirelab.chat.engineio.CloseReason;
import dev.wirelab.chat.engineio.EngineIoSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory Engine.IO session for testing the Socket.IO layer alone: the test plays the client
 * and the event loop, and reads what the server sent. The real transport is tested in the engineio
 * package and end to end with the official clients.
 */
final class FakeEngineSocket implements EngineIoSocket {
  private static int count;

  private final String id = "fake-" + (++count);
  private final List<Object> sent = new ArrayList<>();
  private Handler handler;
  private boolean writable = true;
  private volatile CloseReason closedWith;
  private final CountDownLatch closed = new CountDownLatch(1);

  @Override
  public String id() {
    return id;
  }

  @Override
  public String transportName() {
    return "websocket";
  }

  @Override
  public Handshake handshake() {
    return new Handshake(
        "/socket.io/?EIO=4&transport=websocket",
        Map.of("host", "test"),
        Map.of("EIO", "4"),
        new InetSocketAddress("127.0.0.1", 40000),
        0);
  }

  @Override
  public synchronized void send(String text) {
    sent.add(text);
  }

  @Override
  public synchronized void send(byte[] binary) {
    sent.add(binary);
  }

  @Override
  public boolean isWritable() {
    return writable;
  }

  /** Like the real session: a server-side close reaches the handler as {@code FORCED_CLOSE}. */
  @Override
  public void close() {
    closeWith(CloseReason.FORCED_CLOSE);
  }

  @Override
  public void setHandler(Handler handler) {
    this.handler = handler;
  }

  void clientSends(String text) {
    handler.onMessage(text);
  }

  void clientSends(byte[] binary) {
    handler.onBinary(binary);
  }

  /** The transport ends for {@code reason}. */
  void closeWith(CloseReason reason) {
    if (closedWith == null) {
      closedWith = reason;
      closed.countDown();
      handler.onClose(reason);
    }
  }

  void setWritable(boolean writable) {
    this.writable = writable;
  }

  boolean isClosed() {
    return closedWith != null;
  }

  /** Waits, at most five seconds, for the session to be closed. */
  boolean awaitClosed() throws InterruptedException {
    return closed.await(5, TimeUnit.SECONDS);
  }

  /** Everything sent so far, text as String and binary as byte[], then forgets it. */
  synchronized List<Object> drain() {
    List<Object> all = List.copyOf(sent);
    sent.clear();
    return all;
  }

  /** The text messages sent so far, then forgets everything. */
  List<String> drainText() {
    return drain().stream().filter(String.class::isInstance).map(String.class::cast).toList();
  }
}
