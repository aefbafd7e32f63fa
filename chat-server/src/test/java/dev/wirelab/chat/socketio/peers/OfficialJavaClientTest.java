package dev.wirelab.chat.socketio.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.chat.socketio.Socket;
import dev.wirelab.chat.socketio.SocketIoOptions;
import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.engineio.client.transports.Polling;
import io.socket.engineio.client.transports.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our server against the Java client io.socket:socket.io-client 2.x, unchanged. */
class OfficialJavaClientTest {
  private static final long WAIT_SECONDS = 20;

  /**
   * One HTTP client for all, so its threads can be shut down after. It keeps no idle connection:
   * otherwise a connection released after the test keeps OkHttp's pool thread alive for minutes.
   */
  private final OkHttpClient http =
      new OkHttpClient.Builder()
          .connectionPool(new ConnectionPool(0, 1, TimeUnit.MILLISECONDS))
          .build();

  private final RunningServer server = new RunningServer(SocketIoOptions.defaults());
  private final BlockingQueue<Socket> connections = new LinkedBlockingQueue<>();

  OfficialJavaClientTest() {
    server
        .io()
        .onConnection(
            socket -> {
              PeerHandlers.register(socket);
              connections.add(socket);
            });
  }

  @AfterEach
  void shutDown() throws InterruptedException {
    // A closed polling client may leave its last long-poll in flight: cancel it with the rest.
    http.dispatcher().cancelAll();
    server.close();
    // OkHttp runs every call, and each WebSocket's reading loop, on its dispatcher: once that has
    // terminated, every connection has been released, and with no idle pool, closed.
    http.dispatcher().executorService().shutdown();
    assertThat(http.dispatcher().executorService().awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS))
        .as("OkHttp's dispatcher stopped")
        .isTrue();
    http.connectionPool().evictAll();
  }

  private io.socket.client.Socket connect(String transport) throws Exception {
    IO.Options options =
        IO.Options.builder()
            .setForceNew(true)
            .setReconnection(false)
            .setTransports(new String[] {transport})
            .build();
    options.callFactory = http;
    options.webSocketFactory = http;
    io.socket.client.Socket client = IO.socket(server.url("/"), options);
    CompletableFuture<String> connected = new CompletableFuture<>();
    client.on(io.socket.client.Socket.EVENT_CONNECT, args -> connected.complete(client.id()));
    client.on(
        io.socket.client.Socket.EVENT_CONNECT_ERROR,
        args -> connected.completeExceptionally(new AssertionError("connect_error: " + args[0])));
    client.connect();
    assertThat(connected.get(WAIT_SECONDS, TimeUnit.SECONDS)).isNotBlank();
    return client;
  }

  /**
   * Closes a client and waits until its engine has closed its transport: the client closes on its
   * own event thread, and a server shut down before that would start the close handshake itself.
   */
  private static void close(io.socket.client.Socket client) throws Exception {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    client.io().on(Manager.EVENT_CLOSE, args -> closed.complete(null));
    client.close();
    closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static Object[] emitWithAck(io.socket.client.Socket client, String event, Object... args)
      throws Exception {
    CompletableFuture<Object[]> answer = new CompletableFuture<>();
    client.emit(event, args, answer::complete);
    return answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void emitsAndAcksOverWebSocketAndPolling() throws Exception {
    for (String transport : new String[] {WebSocket.NAME, Polling.NAME}) {
      io.socket.client.Socket client = connect(transport);
      try {
        assertThat(emitWithAck(client, "sum", 20, 22)).containsExactly(42);
        assertThat(emitWithAck(client, "profile", new JSONObject().put("name", "ada")))
            .containsExactly("ADA");
      } finally {
        close(client);
      }
    }
  }

  @Test
  void binaryTravelsBothWays() throws Exception {
    io.socket.client.Socket client = connect(WebSocket.NAME);
    try {
      Object[] answer = emitWithAck(client, "reverse", (Object) new byte[] {1, 2, 3, (byte) 255});
      assertThat((byte[]) answer[0]).containsExactly((byte) 255, 3, 2, 1);

      CompletableFuture<byte[]> received = new CompletableFuture<>();
      client.on("file", args -> received.complete((byte[]) args[1]));
      Socket socket = connections.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      socket.emit("file", "photo.bin", new byte[] {4, 5});
      assertThat(received.get(WAIT_SECONDS, TimeUnit.SECONDS)).containsExactly(4, 5);
    } finally {
      close(client);
    }
  }

  @Test
  void receivesRoomBroadcastsOnly() throws Exception {
    io.socket.client.Socket inRoom = connect(WebSocket.NAME);
    io.socket.client.Socket outside = connect(Polling.NAME);
    try {
      BlockingQueue<String> inRoomSaw = new LinkedBlockingQueue<>();
      BlockingQueue<String> outsideSaw = new LinkedBlockingQueue<>();
      inRoom.on("news", args -> inRoomSaw.add(String.valueOf(args[0])));
      outside.on("news", args -> outsideSaw.add(String.valueOf(args[0])));
      assertThat(emitWithAck(inRoom, "join", "physics")).containsExactly("joined physics");

      server.io().to("physics").emit("news", "lab at 10");
      server.io().emit("news", "for everyone");

      assertThat(inRoomSaw.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("lab at 10");
      assertThat(inRoomSaw.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("for everyone");
      assertThat(outsideSaw.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("for everyone");
    } finally {
      close(inRoom);
      close(outside);
    }
  }
}
