package dev.wirelab.chat.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirelab.chat.engineio.CloseReason;
import dev.wirelab.chat.socketio.protocol.Json;
import dev.wirelab.chat.socketio.recovery.RecoveryOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Missed packets replayed exactly once, in order, within the window; a fresh session beyond it. */
class ConnectionStateRecoveryTest {
  private final MutableClock clock = new MutableClock();
  private SocketIoServer io = server(RecoveryOptions.defaults());
  private final List<Socket> sockets = new ArrayList<>();

  private SocketIoServer server(RecoveryOptions recovery) {
    SocketIoServer server =
        new SocketIoServer(SocketIoOptions.defaults().withRecovery(recovery).withClock(clock));
    server.onConnection(
        socket -> {
          sockets.add(socket);
          if (!socket.recovered()) {
            socket.join("lobby");
          }
        });
    return server;
  }

  @AfterEach
  void closeServer() {
    io.close();
  }

  /** A connected session, the CONNECT reply's {@code {sid, pid}} and the packets right after it. */
  private record Session(FakeEngineSocket conn, JsonNode handshake, List<String> replayed) {
    String sid() {
      return handshake.get("sid").asText();
    }

    String pid() {
      return handshake.get("pid").asText();
    }
  }

  private Session connect(JsonNode auth) throws Exception {
    FakeEngineSocket conn = new FakeEngineSocket();
    io.onOpen(conn);
    conn.clientSends(auth == null ? "0" : "0" + auth);
    List<String> sent = conn.drainText();
    return new Session(
        conn, Json.MAPPER.readTree(sent.get(0).substring(1)), sent.subList(1, sent.size()));
  }

  private static ObjectNode resume(Session session, String offset) {
    ObjectNode auth = Json.MAPPER.createObjectNode().put("pid", session.pid());
    return offset == null ? auth : auth.put("offset", offset);
  }

  /** The arguments of each received event; the last one is the offset. */
  private static List<JsonNode> events(FakeEngineSocket conn) throws Exception {
    return events(conn.drainText());
  }

  private static List<JsonNode> events(List<String> packets) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (String text : packets) {
      events.add(Json.MAPPER.readTree(text.replaceFirst("^2\\d*", "")));
    }
    return events;
  }

  private static String lastOffset(List<JsonNode> events) {
    JsonNode last = events.get(events.size() - 1);
    return last.get(last.size() - 1).asText();
  }

  @Test
  void aReturningClientGetsItsIdRoomsDataAndEveryMissedPacketOnce() throws Exception {
    Session first = connect(null);
    sockets.get(0).data().put("name", "ada");
    io.to("lobby").emit("chat", "one");
    List<JsonNode> seen = events(first.conn());
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).get(1).asText()).isEqualTo("one");

    first.conn().closeWith(CloseReason.TRANSPORT_CLOSE);
    io.to("lobby").emit("chat", "two");
    io.to("elsewhere").emit("chat", "not for you");
    io.emit("chat", "three");
    clock.advance(Duration.ofSeconds(30));

    Session back = connect(resume(first, lastOffset(seen)));

    assertThat(back.sid()).isEqualTo(first.sid());
    assertThat(back.pid()).isEqualTo(first.pid());
    Socket recovered = sockets.get(1);
    assertThat(recovered.recovered()).isTrue();
    assertThat(recovered.rooms()).contains("lobby", first.sid());
    assertThat(recovered.data()).containsEntry("name", "ada");
    assertThat(events(back.replayed()))
        .extracting(event -> event.get(1).asText())
        .containsExactly("two", "three");

    io.to("lobby").emit("chat", "four");
    assertThat(events(back.conn()))
        .extracting(event -> event.get(1).asText())
        .containsExactly("four");
  }

  @Test
  void aClientThatNeverReceivedAnOffsetStillRecoversFromWhereItJoined() throws Exception {
    Session first = connect(null);
    first.conn().closeWith(CloseReason.PING_TIMEOUT);
    io.to("lobby").emit("chat", "missed");

    Session back = connect(resume(first, null));

    assertThat(back.sid()).isEqualTo(first.sid());
    assertThat(events(back.replayed()))
        .extracting(event -> event.get(1).asText())
        .containsExactly("missed");
  }

  /** The Node streams adapter's offsets are stream entry ids; ours have their shape. */
  @Test
  void offsetsHaveTheShapeOfRedisStreamIdsFromTheClocksMillisecond() throws Exception {
    Session first = connect(null);
    io.emit("chat", "one");
    io.emit("chat", "two");
    List<JsonNode> seen = events(first.conn());
    String[] one = seen.get(0).get(2).asText().split("-");
    String[] two = seen.get(1).get(2).asText().split("-");

    assertThat(String.join("-", one)).matches("[0-9]+-[0-9]+");
    assertThat(Long.parseLong(one[0]))
        .isGreaterThanOrEqualTo(clock.millis())
        .isEqualTo(Long.parseLong(two[0]));
    assertThat(Long.parseLong(two[1])).isEqualTo(Long.parseLong(one[1]) + 1);
  }

  @Test
  void beyondTheWindowTheClientGetsAFreshSession() throws Exception {
    Session first = connect(null);
    io.to("lobby").emit("chat", "one");
    String offset = lastOffset(events(first.conn()));
    first.conn().closeWith(CloseReason.TRANSPORT_CLOSE);
    clock.advance(Duration.ofMinutes(3));

    Session back = connect(resume(first, offset));

    assertThat(back.sid()).isNotEqualTo(first.sid());
    assertThat(sockets.get(1).recovered()).isFalse();
  }

  @Test
  void whenMissedPacketsHaveBeenEvictedNoIncompleteReplayHappens() throws Exception {
    io.close();
    io = server(RecoveryOptions.defaults().withMaxLoggedPackets(2));
    Session first = connect(null);
    io.emit("chat", "one");
    String offset = lastOffset(events(first.conn()));
    first.conn().closeWith(CloseReason.TRANSPORT_CLOSE);
    io.emit("chat", "two");
    io.emit("chat", "three");
    io.emit("chat", "four");

    Session back = connect(resume(first, offset));

    assertThat(back.sid()).isNotEqualTo(first.sid());
  }

  @Test
  void anExplicitDisconnectIsNotRecoverable() throws Exception {
    Session first = connect(null);
    sockets.get(0).disconnect(false);

    Session back = connect(resume(first, null));

    assertThat(back.sid()).isNotEqualTo(first.sid());
  }

  @Test
  void directEmitsAreLoggedButVolatileAndAckedOnesAreNot() throws Exception {
    Session first = connect(null);
    Socket socket = sockets.get(0);
    socket.emit("direct", 1);
    io.mainNamespace().asVolatile().emit("tick");
    socket.emitWithAck("ask", Duration.ofMinutes(1));

    List<JsonNode> seen = events(first.conn());
    assertThat(seen.get(0).size()).isEqualTo(3);
    assertThat(seen.get(1).size()).isEqualTo(1);
    assertThat(seen.get(2).size()).isEqualTo(1);
  }
}
