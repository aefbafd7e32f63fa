package dev.wirelab.labs.lab08;

import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A Java-WebSocket client that also speaks first: it sends in {@code onOpen}, while the server
 * pushes.
 */
final class DuplexClient extends WebSocketClient {
  static final String HELLO = "client: hello, sent the moment the connection opened";
  private static final long WAIT_SECONDS = 5;

  private final Narrator narrator;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch expectedMessages;

  DuplexClient(URI server, int expectedMessages, Narrator narrator) {
    super(server);
    this.narrator = narrator;
    this.expectedMessages = new CountDownLatch(expectedMessages);
  }

  /** Connects and waits (bounded) until the handshake is done. */
  void open() throws IOException, InterruptedException {
    if (!connectBlocking(WAIT_SECONDS, TimeUnit.SECONDS)) {
      close();
      throw new IOException(
          "no WebSocket connection to " + getURI() + " within " + WAIT_SECONDS + " s");
    }
  }

  /**
   * Waits (bounded) for the messages this client was told to expect; returns them in arrival order.
   */
  List<String> awaitMessages() throws InterruptedException, InterruptedIOException {
    if (!expectedMessages.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new InterruptedIOException(
          "only " + received.size() + " messages arrived within " + WAIT_SECONDS + " s");
    }
    return List.copyOf(received);
  }

  @Override
  public void onOpen(ServerHandshake handshake) {
    narrator.say(
        "onOpen: %d %s; sending at once, not waiting for the server",
        handshake.getHttpStatus(), handshake.getHttpStatusMessage());
    send(HELLO);
  }

  @Override
  public void onMessage(String message) {
    narrator.say("onMessage text \"%s\"", message);
    received.add(message);
    expectedMessages.countDown();
  }

  @Override
  public void onMessage(ByteBuffer bytes) {
    narrator.say("onMessage binary, %d bytes", bytes.remaining());
    received.add(bytes.remaining() + " bytes");
    expectedMessages.countDown();
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {
    narrator.say(
        "onClose %d \"%s\" (closed by the %s)", code, reason, remote ? "server" : "client");
  }

  @Override
  public void onError(Exception error) {
    narrator.say("onError: %s", error);
  }
}
