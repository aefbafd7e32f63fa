package dev.wirelab.chat.socketio.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirelab.chat.socketio.Args;
import dev.wirelab.chat.socketio.MutableClock;
import dev.wirelab.chat.socketio.Socket;
import dev.wirelab.chat.socketio.SocketIoOptions;
import dev.wirelab.chat.socketio.SocketIoServer;
import dev.wirelab.chat.socketio.recovery.RecoveryOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our server against the official npm socket.io-client 4.8, unchanged. */
class OfficialNodeClientTest {
  private final BlockingQueue<Socket> connections = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> disconnections = new LinkedBlockingQueue<>();

  private RunningServer start(SocketIoOptions options) {
    RunningServer server = new RunningServer(options);
    SocketIoServer io = server.io();
    io.onConnection(
        socket -> {
          socket.onDisconnect(reason -> disconnections.add(socket.id() + " " + reason));
          PeerHandlers.register(socket);
          connections.add(socket);
        });
    return server;
  }

  private Socket nextConnection() throws InterruptedException {
    Socket socket = connections.poll(20, TimeUnit.SECONDS);
    assertThat(socket).as("a socket connected within 20 s").isNotNull();
    return socket;
  }

  private String nextDisconnection() throws InterruptedException {
    String line = disconnections.poll(20, TimeUnit.SECONDS);
    assertThat(line).as("a socket disconnected within 20 s").isNotNull();
    return line;
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void eventsAcksAndBinariesBothWays(String mode) throws Exception {
    String[] transports =
        switch (mode) {
          case "upgrade" -> new String[] {"polling", "websocket"};
          default -> new String[] {mode};
        };
    try (RunningServer server = start(SocketIoOptions.defaults());
        NodeSocketIoClient client =
            NodeSocketIoClient.connect(server.url("/"), NodeSocketIoClient.options(transports))) {
      assertThat(client.next("open").get("transport").asText()).isEqualTo(transports[0]);
      JsonNode connect = client.next("connect");
      if (mode.equals("upgrade")) {
        assertThat(client.next("upgrade").get("transport").asText()).isEqualTo("websocket");
      }
      Socket socket = nextConnection();
      assertThat(socket.id()).isEqualTo(connect.get("id").asText());

      client.emitWithAck("sum", 2, 3);
      assertThat(client.next("ack").get("args").get(0).asInt()).isEqualTo(5);

      client.emitWithAck("reverse", (Object) new byte[] {1, 2, 3});
      assertThat(NodeSocketIoClient.bytes(client.next("ack").get("args").get(0)))
          .containsExactly(3, 2, 1);

      socket.emit("greeting", "hello", new byte[] {9, 8});
      JsonNode greeting = client.nextEvent("greeting");
      assertThat(greeting.get("args").get(0).asText()).isEqualTo("hello");
      assertThat(NodeSocketIoClient.bytes(greeting.get("args").get(1))).containsExactly(9, 8);

      CompletableFuture<Args> answer =
          socket.emitWithAck("question", Duration.ofSeconds(10), "ready?", new byte[] {7});
      Args args = answer.get(20, TimeUnit.SECONDS);
      assertThat(args.text(0)).isEqualTo("ready?");
      assertThat(args.bytes(1)).containsExactly(7);
    }
  }

  @Test
  void anUnansweredEmitWithAckTimesOut() throws Exception {
    try (RunningServer server = start(SocketIoOptions.defaults());
        NodeSocketIoClient client =
            NodeSocketIoClient.connect(server.url("/"), NodeSocketIoClient.options("websocket"))) {
      client.next("connect");
      CompletableFuture<Args> answer =
          nextConnection().emitWithAck("no-ack", Duration.ofMillis(300), "hello?");
      assertThat(client.nextEvent("no-ack").get("wantsAck").asBoolean()).isTrue();
      assertThatThrownBy(() -> answer.get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TimeoutException.class);
    }
  }

  @Test
  void namespacesAndMiddlewareRejection() throws Exception {
    try (RunningServer server = start(SocketIoOptions.defaults())) {
      server
          .io()
          .of("/admin")
          .use(
              (socket, next) -> {
                if ("sesame".equals(socket.handshake().auth().path("token").asText())) {
                  next.proceed();
                } else {
                  next.reject("unauthorized", Map.of("hint", "send a token"));
                }
              })
          .onConnection(socket -> socket.emit("welcome", socket.namespace().name()));

      ObjectNode wrongToken = NodeSocketIoClient.options("websocket").put("reconnection", false);
      wrongToken.putObject("auth").put("token", "guess");
      try (NodeSocketIoClient refused =
          NodeSocketIoClient.connect(server.url("/admin"), wrongToken)) {
        JsonNode error = refused.next("connect_error");
        assertThat(error.get("message").asText()).isEqualTo("unauthorized");
        assertThat(error.get("data").get("hint").asText()).isEqualTo("send a token");
      }

      ObjectNode rightToken = NodeSocketIoClient.options("polling");
      rightToken.putObject("auth").put("token", "sesame");
      try (NodeSocketIoClient admitted =
          NodeSocketIoClient.connect(server.url("/admin"), rightToken)) {
        admitted.next("connect");
        assertThat(admitted.nextEvent("welcome").get("args").get(0).asText()).isEqualTo("/admin");
      }

      try (NodeSocketIoClient lost =
          NodeSocketIoClient.connect(
              server.url("/nowhere"),
              NodeSocketIoClient.options("websocket").put("reconnection", false))) {
        assertThat(lost.next("connect_error").get("message").asText())
            .isEqualTo("Invalid namespace");
      }
    }
  }

  @Test
  void roomsBroadcastsAndAutomaticLeave() throws Exception {
    try (RunningServer server = start(SocketIoOptions.defaults());
        NodeSocketIoClient a =
            NodeSocketIoClient.connect(server.url("/"), NodeSocketIoClient.options("websocket"));
        NodeSocketIoClient b =
            NodeSocketIoClient.connect(server.url("/"), NodeSocketIoClient.options("websocket"));
        NodeSocketIoClient c =
            NodeSocketIoClient.connect(server.url("/"), NodeSocketIoClient.options("polling"))) {
      String idA = joined(a, "room1");
      String idB = joined(b, "room1");
      joined(c, "room2");

      a.emit("say", "room1", "hi room1");
      assertThat(b.nextEvent("said").get("args").get(0).asText()).isEqualTo("hi room1");

      a.emit("shout", "hello all");
      assertThat(b.nextEvent("shouted").get("args").get(0).asText()).isEqualTo("hello all");
      // c's first event being the shout proves the room message never reached it.
      JsonNode firstForC = c.next("on");
      assertThat(firstForC.get("name").asText()).isEqualTo("shouted");

      server.io().mainNamespace().except("room2").emit("news", 1);
      server.io().emit("marker");
      assertThat(eventNames(a, "marker")).containsExactly("news", "marker");
      assertThat(eventNames(c, "marker")).containsExactly("marker");

      b.run("disconnect");
      assertThat(nextDisconnection()).isEqualTo(idB + " client namespace disconnect");
      assertThat(server.io().to("room1").fetchSockets())
          .extracting(Socket::id)
          .containsExactly(idA);
    }
  }

  /** Connects, joins a room through the server's "join" handler, and returns the socket id. */
  private static String joined(NodeSocketIoClient client, String room) throws InterruptedException {
    String id = client.next("connect").get("id").asText();
    client.emitWithAck("join", room);
    assertThat(client.next("ack").get("args").get(0).asText()).isEqualTo("joined " + room);
    return id;
  }

  /** The names of the server events the client receives, up to and including {@code last}. */
  private static List<String> eventNames(NodeSocketIoClient client, String last)
      throws InterruptedException {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 10 && !names.contains(last); i++) {
      names.add(client.next("on").get("name").asText());
    }
    return names;
  }

  @Test
  void recoveryReplaysMissedEventsOnceWithinTheWindowAndNotBeyond() throws Exception {
    MutableClock clock = new MutableClock();
    SocketIoOptions options =
        SocketIoOptions.defaults()
            .withClock(clock)
            .withRecovery(
                RecoveryOptions.defaults().withMaxDisconnectionDuration(Duration.ofMinutes(2)));
    try (RunningServer server = start(options);
        NodeSocketIoClient client =
            NodeSocketIoClient.connect(
                server.url("/"),
                NodeSocketIoClient.options("websocket").put("reconnection", false))) {
      server
          .io()
          .onConnection(
              socket -> {
                if (!socket.recovered()) {
                  socket.join("lobby");
                }
              });
      JsonNode first = client.next("connect");
      assertThat(first.get("recovered").asBoolean()).isFalse();
      Socket socket = nextConnection();

      server.io().to("lobby").emit("m", 1);
      JsonNode args = client.nextEvent("m").get("args");
      assertThat(args).as("the client sees the offset as the last argument").hasSize(2);
      assertThat(args.get(1).isTextual()).isTrue();

      socket.conn().close();
      assertThat(client.next("disconnect").get("reason").asText()).isEqualTo("transport close");
      assertThat(nextDisconnection()).endsWith("forced close");
      server.io().to("lobby").emit("m", 2);
      server.io().emit("m", 3);

      client.run("connect");
      JsonNode back = client.next("connect");
      assertThat(back.get("recovered").asBoolean()).isTrue();
      assertThat(back.get("id").asText()).isEqualTo(first.get("id").asText());
      Socket recovered = nextConnection();
      assertThat(recovered.rooms()).contains("lobby");
      server.io().to("lobby").emit("m", "end");
      List<String> received = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        received.add(client.nextEvent("m").get("args").get(0).asText());
      }
      assertThat(received).containsExactly("2", "3", "end");

      recovered.conn().close();
      client.next("disconnect");
      nextDisconnection();
      clock.advance(Duration.ofMinutes(3));
      server.io().emit("m", 4);

      client.run("connect");
      JsonNode fresh = client.next("connect");
      assertThat(fresh.get("recovered").asBoolean()).isFalse();
      assertThat(fresh.get("id").asText()).isNotEqualTo(first.get("id").asText());
      nextConnection();
      server.io().emit("m", "after");
      assertThat(client.nextEvent("m").get("args").get(0).asText()).isEqualTo("after");
    }
  }
}
