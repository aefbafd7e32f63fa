package dev.wirelab.labs.lab08;

import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A Java-WebSocket server that speaks first: the moment a client is connected it pushes a greeting,
 * without waiting for a request. Whatever a client sends comes back.
 */
final class PushingServer extends WebSocketServer {
  static final String GREETING = "server: welcome, pushed the moment you connected";
  private static final long START_TIMEOUT_SECONDS = 5;
  private static final int STOP_TIMEOUT_MILLIS = 2_000;

  private final Narrator narrator;
  private final CompletableFuture<Void> started = new CompletableFuture<>();

  private final String endpoint;
  private final int port;

  private PushingServer(ServerSocketChannel listener, Narrator narrator) throws IOException {
    super(listener);
    this.narrator = narrator;
    this.endpoint = Endpoint.of(listener.getLocalAddress());
    this.port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
  }

  /** Starts listening on {@code host:port} and returns once it does, or fails with the reason. */
  static PushingServer start(String host, int port, Narrator narrator)
      throws IOException, InterruptedException {
    // Bound here rather than by the library, whose own bind reports a busy port only to onError.
    ServerSocketChannel listener = ServerSocketChannel.open();
    PushingServer server;
    try {
      listener.bind(new InetSocketAddress(host, port));
      server = new PushingServer(listener, narrator);
    } catch (IOException e) {
      listener.close();
      throw e;
    }
    server.start();
    try {
      server.started.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      server.stop(STOP_TIMEOUT_MILLIS);
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (TimeoutException e) {
      server.stop(STOP_TIMEOUT_MILLIS);
      throw new InterruptedIOException(
          "the WebSocket server did not start within " + START_TIMEOUT_SECONDS + " s");
    }
    return server;
  }

  int port() {
    return port;
  }

  @Override
  public void onStart() {
    narrator.say("Java-WebSocket server listening on %s", endpoint);
    started.complete(null);
  }

  @Override
  public void onOpen(WebSocket connection, ClientHandshake handshake) {
    narrator.say(
        "onOpen %s: pushing a greeting right away, no request needed",
        Endpoint.of(connection.getRemoteSocketAddress()));
    connection.send(GREETING);
  }

  @Override
  public void onMessage(WebSocket connection, String message) {
    narrator.say("onMessage text \"%s\" -> echoing it", message);
    connection.send(message);
  }

  @Override
  public void onMessage(WebSocket connection, ByteBuffer message) {
    narrator.say("onMessage binary, %d bytes -> echoing them", message.remaining());
    connection.send(message);
  }

  @Override
  public void onClose(WebSocket connection, int code, String reason, boolean remote) {
    narrator.say(
        "onClose %d \"%s\" (closed by the %s)", code, reason, remote ? "client" : "server");
  }

  @Override
  public void onError(WebSocket connection, Exception error) {
    if (connection == null && !started.isDone()) {
      // Before onStart, an error means the server could not start its selector.
      started.completeExceptionally(error);
      return;
    }
    narrator.say("onError: %s", error);
  }

  /**
   * Closes every connection (close frame, code 1001 "going away") and the listener, and joins its
   * threads.
   */
  void shutDown() throws InterruptedException {
    stop(STOP_TIMEOUT_MILLIS);
    narrator.say("stopped");
  }
}
