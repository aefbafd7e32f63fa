package dev.wirelab.chat.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.chat.engineio.CloseReason;
import dev.wirelab.chat.socketio.adapter.BroadcastOptions;
import dev.wirelab.chat.socketio.protocol.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Socket.IO layer over in-memory Engine.IO sessions: the test is client and event loop. */
class SocketIoServerTest {
  private SocketIoServer io = new SocketIoServer();

  @AfterEach
  void closeServer() {
    io.close();
  }

  private FakeEngineSocket open() {
    FakeEngineSocket conn = new FakeEngineSocket();
    io.onOpen(conn);
    return conn;
  }

  /** Opens a session, joins the namespace and returns the session with its output drained. */
  private FakeEngineSocket connected(String connectPacket) {
    FakeEngineSocket conn = open();
    conn.clientSends(connectPacket);
    assertThat(conn.drainText()).first().asString().startsWith(connectPacket.substring(0, 1));
    return conn;
  }

  private static JsonNode json(String text) throws Exception {
    return Json.MAPPER.readTree(text);
  }

  @Test
  void connectRepliesWithTheSocketIdThenConnectionListenersRun() throws Exception {
    io.onConnection(socket -> socket.emit("auth", socket.handshake().auth()));
    FakeEngineSocket conn = open();
    conn.clientSends("0{\"token\":\"123\"}");

    List<String> sent = conn.drainText();
    assertThat(sent).hasSize(2);
    JsonNode reply = json(sent.get(0).substring(1));
    assertThat(reply.fieldNames()).toIterable().containsExactly("sid");
    assertThat(sent.get(1)).isEqualTo("2[\"auth\",{\"token\":\"123\"}]");
    assertThat(io.mainNamespace().sockets()).containsKey(reply.get("sid").asText());
  }

  @Test
  void anUnknownNamespaceGetsConnectErrorAndTheSessionStays() {
    FakeEngineSocket conn = open();
    conn.clientSends("0/random");
    assertThat(conn.drainText()).containsExactly("4/random,{\"message\":\"Invalid namespace\"}");
    assertThat(conn.isClosed()).isFalse();
  }

  @Test
  void aTooLongNamespaceInConnectIsAnInvalidNamespaceNotAClose() {
    FakeEngineSocket conn = open();
    String name = "/" + "n".repeat(300);
    conn.clientSends("0" + name + ",");
    assertThat(conn.drainText())
        .containsExactly("4" + name + ",{\"message\":\"Invalid namespace\"}");
    assertThat(conn.isClosed()).isFalse();
  }

  @Test
  void anEventBeforeConnectClosesTheSession() {
    FakeEngineSocket conn = open();
    conn.clientSends("2[\"hello\"]");
    assertThat(conn.isClosed()).isTrue();
  }

  @Test
  void aConnectionWhoseConnectsAreRefusedFiveTimesIsClosed() {
    io.mainNamespace().use((socket, next) -> next.reject("that token is not right"));
    FakeEngineSocket conn = open();
    for (int i = 1; i < 5; i++) {
      conn.clientSends("0{\"token\":\"guess" + i + "\"}");
      assertThat(conn.isClosed()).as("after %d refusals", i).isFalse();
    }
    conn.clientSends("0{\"token\":\"guess5\"}");
    assertThat(conn.isClosed()).isTrue();
  }

  @Test
  void anAddressWhoseConnectsAreRefusedTooOftenIsCut() {
    io.mainNamespace().use((socket, next) -> next.reject("that token is not right"));
    int refused = 0;
    boolean cut = false;
    for (int c = 0; c < 20 && !cut; c++) {
      // Four per connection, under the per-connection limit: only the address budget can cut.
      FakeEngineSocket conn = open();
      for (int i = 0; i < 4 && !conn.isClosed(); i++) {
        conn.clientSends("0{\"token\":\"guess\"}");
        refused++;
      }
      cut = conn.isClosed();
      conn.close();
    }
    assertThat(cut).isTrue();
    assertThat(refused).isEqualTo(ConnectFailures.PER_ADDRESS_BURST);
    FakeEngineSocket next = open();
    next.clientSends("0{\"name\":\"ann\"}");
    assertThat(next.isClosed()).as("a fresh connection from the same address").isTrue();
  }

  @Test
  void dynamicNamespacesAreCreatedForMatchingNames() {
    List<String> joined = new ArrayList<>();
    DynamicNamespace rooms =
        io.of(Pattern.compile("/room-\\d+"))
            .onConnection(socket -> joined.add(socket.namespace().name()));
    FakeEngineSocket conn = open();
    conn.clientSends("0/room-7,");
    conn.clientSends("0/room-x,");

    List<String> sent = conn.drainText();
    assertThat(sent.get(0)).startsWith("0/room-7,{\"sid\":");
    assertThat(sent.get(1)).isEqualTo("4/room-x,{\"message\":\"Invalid namespace\"}");
    assertThat(joined).containsExactly("/room-7");
    assertThat(rooms.children()).extracting(Namespace::name).containsExactly("/room-7");
  }

  @Test
  void middlewareCanRejectWithDataOrAdmitLater() {
    AtomicReference<Middleware.Next> pending = new AtomicReference<>();
    List<Socket> admitted = new ArrayList<>();
    io.of("/secure")
        .use(
            (socket, next) -> {
              if (socket.handshake().auth().has("token")) {
                socket.data().put("user", socket.handshake().auth().get("token").asText());
                pending.set(next);
              } else {
                next.reject("unauthorized", Map.of("reason", "no token"));
              }
            })
        .onConnection(admitted::add);

    FakeEngineSocket refused = open();
    refused.clientSends("0/secure,");
    assertThat(refused.drainText())
        .containsExactly(
            "4/secure,{\"message\":\"unauthorized\",\"data\":{\"reason\":\"no token\"}}");

    FakeEngineSocket waiting = open();
    waiting.clientSends("0/secure,{\"token\":\"ada\"}");
    assertThat(waiting.drainText()).isEmpty();
    pending.get().proceed();
    assertThat(waiting.drainText()).first().asString().startsWith("0/secure,{\"sid\":");
    assertThat(admitted)
        .singleElement()
        .satisfies(s -> assertThat(s.data()).containsEntry("user", "ada"));
    assertThatThrownBy(() -> pending.get().proceed()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void eventsReachTheirListenersAndAcksGoBack() {
    List<String> seen = new ArrayList<>();
    io.onConnection(
        socket ->
            socket
                .onAny((event, args) -> seen.add("any:" + event))
                .on("sum", (args, ack) -> ack.send(args.get(0).asInt() + args.get(1).asInt()))
                .on(
                    "note",
                    (args, ack) -> seen.add(args.text(0) + " ack requested=" + ack.requested())));
    FakeEngineSocket conn = connected("0");

    conn.clientSends("27[\"sum\",1,2]");
    conn.clientSends("2[\"note\",\"hi\"]");

    assertThat(conn.drainText()).containsExactly("37[3]");
    assertThat(seen).containsExactly("any:sum", "any:note", "hi ack requested=false");
  }

  @Test
  void binaryArgumentsArriveAsBytesAndGoOutAsAttachments() {
    io.onConnection(socket -> socket.on("file", (args, ack) -> ack.send("got", args.bytes(0))));
    FakeEngineSocket conn = connected("0");

    conn.clientSends("51-3[\"file\",{\"_placeholder\":true,\"num\":0}]");
    conn.clientSends(new byte[] {7, 8, 9});

    List<Object> sent = conn.drain();
    assertThat(sent.get(0)).isEqualTo("61-3[\"got\",{\"_placeholder\":true,\"num\":0}]");
    assertThat((byte[]) sent.get(1)).containsExactly(7, 8, 9);
  }

  @Test
  void emitWithAckCompletesWithTheClientsAnswer() throws Exception {
    AtomicReference<Socket> socket = new AtomicReference<>();
    io.onConnection(socket::set);
    FakeEngineSocket conn = connected("0");

    CompletableFuture<Args> answer =
        socket.get().emitWithAck("question", Duration.ofSeconds(5), "ok?");
    assertThat(conn.drainText()).containsExactly("21[\"question\",\"ok?\"]");
    conn.clientSends("31[\"yes\"]");

    assertThat(answer.get(5, TimeUnit.SECONDS).text(0)).isEqualTo("yes");
  }

  @Test
  void emitWithAckFailsOnTimeoutAndOnDisconnect() {
    AtomicReference<Socket> socket = new AtomicReference<>();
    io.onConnection(socket::set);
    FakeEngineSocket conn = connected("0");

    CompletableFuture<Args> late = socket.get().emitWithAck("q", Duration.ofMillis(20));
    assertThatThrownBy(() -> late.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TimeoutException.class);

    CompletableFuture<Args> orphan = socket.get().emitWithAck("q", Duration.ofMinutes(1));
    conn.closeWith(CloseReason.TRANSPORT_CLOSE);
    assertThatThrownBy(() -> orphan.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("transport close");
  }

  @Test
  void broadcastsReachTheirRoomsWithOneEncodingForAll() {
    List<Socket> sockets = new ArrayList<>();
    io.onConnection(sockets::add);
    FakeEngineSocket a = connected("0");
    FakeEngineSocket b = connected("0");
    FakeEngineSocket c = connected("0");
    sockets.get(0).join("r");
    sockets.get(1).join("r");

    io.to("r").emit("news", 1);
    List<Object> toA = a.drain();
    List<Object> toB = b.drain();
    assertThat(toA).containsExactly("2[\"news\",1]");
    assertThat(toB.get(0)).isSameAs(toA.get(0));
    assertThat(c.drain()).isEmpty();

    sockets.get(0).broadcast().emit("hello");
    assertThat(a.drain()).isEmpty();
    assertThat(b.drainText()).containsExactly("2[\"hello\"]");
    assertThat(c.drainText()).containsExactly("2[\"hello\"]");

    io.mainNamespace().except("r").emit("outside");
    sockets.get(2).to("r").emit("from c");
    assertThat(a.drainText()).containsExactly("2[\"from c\"]");
    assertThat(b.drainText()).containsExactly("2[\"from c\"]");
    assertThat(c.drainText()).containsExactly("2[\"outside\"]");

    io.to(sockets.get(1).id()).emit("private");
    assertThat(b.drainText()).containsExactly("2[\"private\"]");
    assertThat(a.drain()).isEmpty();
  }

  @Test
  void volatileBroadcastsSkipBusyConnections() {
    FakeEngineSocket a = connected("0");
    FakeEngineSocket b = connected("0");
    b.setWritable(false);
    io.mainNamespace().asVolatile().emit("tick");
    assertThat(a.drainText()).containsExactly("2[\"tick\"]");
    assertThat(b.drain()).isEmpty();
  }

  @Test
  void aDisconnectedSocketHasLeftItsRoomsWhenItsListenersRun() {
    List<String> reasons = new ArrayList<>();
    List<Socket> sockets = new ArrayList<>();
    io.onConnection(
        socket -> {
          sockets.add(socket);
          socket.join("r");
          socket.onDisconnecting(
              reason -> reasons.add("disconnecting, in r: " + socket.rooms().contains("r")));
          socket.onDisconnect(reason -> reasons.add(reason + " rooms=" + socket.rooms()));
        });
    FakeEngineSocket a = connected("0");
    connected("0");

    a.closeWith(CloseReason.TRANSPORT_CLOSE);

    assertThat(reasons).containsExactly("disconnecting, in r: true", "transport close rooms=[]");
    assertThat(io.to("r").fetchSockets()).containsExactly(sockets.get(1));
    assertThat(io.mainNamespace().sockets()).doesNotContainKey(sockets.get(0).id());
  }

  @Test
  void roomsJoinedTooLateOrBeforeARefusalAreNotKept() {
    io.of("/strict")
        .use(
            (socket, next) -> {
              socket.join("waiting");
              next.reject("no");
            });
    List<Socket> sockets = new ArrayList<>();
    io.onConnection(sockets::add);
    FakeEngineSocket refused = open();
    refused.clientSends("0/strict,");
    FakeEngineSocket gone = connected("0");
    gone.closeWith(CloseReason.TRANSPORT_CLOSE);

    sockets.get(0).join("late");

    assertThat(io.of("/strict").adapter().socketIds(BroadcastOptions.everyone())).isEmpty();
    assertThat(io.to("late").fetchSockets()).isEmpty();
    assertThat(sockets.get(0).rooms()).isEmpty();
  }

  @Test
  void disconnectReasonsFromClientAndServer() {
    List<DisconnectReason> reasons = new ArrayList<>();
    List<Socket> sockets = new ArrayList<>();
    io.onConnection(
        socket -> {
          sockets.add(socket);
          socket.onDisconnect(reasons::add);
        });
    FakeEngineSocket leaving = connected("0");
    leaving.clientSends("1");
    assertThat(leaving.isClosed()).isFalse();

    FakeEngineSocket kicked = connected("0");
    sockets.get(1).disconnect(false);
    assertThat(kicked.drainText()).containsExactly("1");
    assertThat(kicked.isClosed()).isFalse();

    FakeEngineSocket closed = connected("0");
    sockets.get(2).disconnect(true);
    assertThat(closed.drainText()).containsExactly("1");
    assertThat(closed.isClosed()).isTrue();

    assertThat(reasons)
        .containsExactly(
            DisconnectReason.CLIENT_NAMESPACE_DISCONNECT,
            DisconnectReason.SERVER_NAMESPACE_DISCONNECT,
            DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
  }

  @Test
  void serverSideHelpersActOnEveryTargetedSocket() {
    List<Socket> sockets = new ArrayList<>();
    io.onConnection(sockets::add);
    FakeEngineSocket a = connected("0");
    FakeEngineSocket b = connected("0");
    sockets.get(0).join("team");

    io.to("team").socketsJoin("captains");
    assertThat(sockets.get(0).rooms()).contains("captains");
    io.mainNamespace().socketsLeave("team");
    assertThat(sockets.get(0).rooms()).doesNotContain("team");
    assertThat(io.mainNamespace().fetchSockets()).hasSize(2);

    io.to("captains").disconnectSockets(true);
    assertThat(a.isClosed()).isTrue();
    assertThat(b.isClosed()).isFalse();
  }

  @Test
  void badInputClosesOnlyThatSession() {
    List<DisconnectReason> reasons = new ArrayList<>();
    io.onConnection(
        socket -> socket.onDisconnect(reasons::add).on("ping", (args, ack) -> ack.send("pong")));
    FakeEngineSocket bad = connected("0");
    FakeEngineSocket good = connected("0");

    bad.clientSends("2{\"not\":\"an array\"}");
    good.clientSends("21[\"ping\"]");

    assertThat(bad.isClosed()).isTrue();
    assertThat(reasons).containsExactly(DisconnectReason.PARSE_ERROR);
    assertThat(good.drainText()).containsExactly("31[\"pong\"]");
  }

  @Test
  void aConnectionThatJoinsNoNamespaceIsClosedAfterTheConnectTimeout() throws Exception {
    io.close();
    io = new SocketIoServer(SocketIoOptions.defaults().withConnectTimeout(Duration.ofMillis(20)));
    FakeEngineSocket idle = open();
    FakeEngineSocket joined = connected("0");
    assertThat(idle.awaitClosed()).isTrue();
    assertThat(joined.isClosed()).isFalse();
  }

  @Test
  void aClientSendingTooFastIsDisconnected() {
    io.close();
    io = new SocketIoServer(SocketIoOptions.defaults().withMaxEventsPerSecond(5));
    List<DisconnectReason> reasons = new ArrayList<>();
    io.onConnection(socket -> socket.onDisconnect(reasons::add));
    FakeEngineSocket flood = connected("0");
    for (int i = 0; i < 20 && !flood.isClosed(); i++) {
      flood.clientSends("2[\"spam\"]");
    }
    assertThat(flood.isClosed()).isTrue();
    assertThat(reasons).containsExactly(DisconnectReason.RATE_LIMIT_EXCEEDED);
  }

  @Test
  void reservedEventNamesCannotBeEmitted() {
    assertThatThrownBy(() -> io.emit("disconnect"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved");
  }

  @Test
  void shuttingDownDisconnectsEverySocket() {
    List<DisconnectReason> reasons = new ArrayList<>();
    io.onConnection(socket -> socket.onDisconnect(reasons::add));
    FakeEngineSocket conn = connected("0");
    io.close();
    assertThat(reasons).containsExactly(DisconnectReason.SERVER_SHUTTING_DOWN);
    assertThat(conn.isClosed()).isTrue();
  }
}
