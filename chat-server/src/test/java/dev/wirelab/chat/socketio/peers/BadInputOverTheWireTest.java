package dev.wirelab.chat.socketio.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.chat.socketio.DisconnectReason;
import dev.wirelab.chat.socketio.SocketIoOptions;
import dev.wirelab.chat.socketio.protocol.PacketDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client speaking broken Socket.IO over real HTTP long-polling is disconnected with "parse
 * error", while an official client on the same server carries on; packets for a namespace the
 * client is not in close its connection, a CONNECT for one that cannot exist is refused.
 */
class BadInputOverTheWireTest {

  /** One Engine.IO polling session driven by hand with plain HTTP requests. */
  private record PollingSession(String base, String sid) {
    static PollingSession open(String base) throws IOException {
      String handshake = request("GET", base, null).body();
      int start = handshake.indexOf("\"sid\":\"") + 7;
      return new PollingSession(base, handshake.substring(start, handshake.indexOf('"', start)));
    }

    Response post(String body) throws IOException {
      return request("POST", base + "&sid=" + sid, body);
    }

    Response poll() throws IOException {
      return request("GET", base + "&sid=" + sid, null);
    }
  }

  private record Response(int status, String body) {}

  private static Response request(String method, String url, String body) throws IOException {
    HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
    http.setRequestMethod(method);
    // No keep-alive: a connection cached by the JDK would outlive the test and its server.
    http.setRequestProperty("Connection", "close");
    http.setConnectTimeout(10_000);
    http.setReadTimeout(20_000);
    if (body != null) {
      http.setDoOutput(true);
      try (OutputStream out = http.getOutputStream()) {
        out.write(body.getBytes(StandardCharsets.UTF_8));
      }
    }
    int status = http.getResponseCode();
    try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
      return new Response(
          status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } finally {
      http.disconnect();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "42{\"not\":\"an array\"}",
        "42abc[\"x\"]",
        "4511-[\"too many\"]",
        "47[\"unknown type\"]",
      })
  void aBrokenPacketClosesOnlyItsOwnConnection(String packet) throws Exception {
    BlockingQueue<DisconnectReason> reasons = new LinkedBlockingQueue<>();
    try (RunningServer server = new RunningServer(SocketIoOptions.defaults());
        NodeSocketIoClient good =
            NodeSocketIoClient.connect(server.url("/"), NodeSocketIoClient.options("websocket"))) {
      server
          .io()
          .onConnection(
              socket -> {
                PeerHandlers.register(socket);
                socket.onDisconnect(reasons::add);
              });
      good.next("connect");

      PollingSession bad = PollingSession.open(server.url("/socket.io/?EIO=4&transport=polling"));
      assertThat(bad.post("40").body()).isEqualTo("ok");
      assertThat(bad.poll().body()).startsWith("40{\"sid\":");

      bad.post(packet);

      assertThat(reasons.poll(20, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.PARSE_ERROR);
      Response afterClose = bad.poll();
      assertThat(afterClose.status() == 400 || afterClose.body().endsWith("1"))
          .as("the session is closed: %s", afterClose)
          .isTrue();

      good.emitWithAck("sum", 40, 2);
      assertThat(good.next("ack").get("args").get(0).asInt()).isEqualTo(42);
    }
  }

  /** The server closed the session: its next poll is the close packet, the one after unknown. */
  private static void assertClosedByServer(PollingSession session) throws IOException {
    assertThat(session.poll()).isEqualTo(new Response(200, "1"));
    assertThat(session.poll().status()).isEqualTo(400);
  }

  @Test
  void anEventBeforeConnectClosesTheConnection() throws Exception {
    try (RunningServer server = new RunningServer(SocketIoOptions.defaults())) {
      PollingSession session =
          PollingSession.open(server.url("/socket.io/?EIO=4&transport=polling"));

      // The spec: a packet for a namespace the client has not CONNECTed MUST close the connection.
      assertThat(session.post("42[\"hello\"]").body()).isEqualTo("ok");

      assertClosedByServer(session);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"42/admin,[\"hello\"]", "43/admin,1[]", "41/admin,"})
  void aPacketForANamespaceNotJoinedClosesTheConnection(String packet) throws Exception {
    try (RunningServer server = new RunningServer(SocketIoOptions.defaults())) {
      server.io().of("/admin");
      PollingSession session =
          PollingSession.open(server.url("/socket.io/?EIO=4&transport=polling"));
      assertThat(session.post("40").body()).isEqualTo("ok");
      assertThat(session.poll().body()).startsWith("40{\"sid\":");

      assertThat(session.post(packet).body()).isEqualTo("ok");

      assertClosedByServer(session);
    }
  }

  @Test
  void anEventAfterDisconnectClosesTheConnection() throws Exception {
    try (RunningServer server = new RunningServer(SocketIoOptions.defaults())) {
      PollingSession session =
          PollingSession.open(server.url("/socket.io/?EIO=4&transport=polling"));
      assertThat(session.post("40").body()).isEqualTo("ok");
      assertThat(session.poll().body()).startsWith("40{\"sid\":");
      assertThat(session.post("41").body()).isEqualTo("ok");

      assertThat(session.post("42[\"hello\"]").body()).isEqualTo("ok");

      assertClosedByServer(session);
    }
  }

  @Test
  void aTooLongNamespaceInConnectIsRefusedAndTheConnectionStays() throws Exception {
    try (RunningServer server = new RunningServer(SocketIoOptions.defaults())) {
      PollingSession session =
          PollingSession.open(server.url("/socket.io/?EIO=4&transport=polling"));
      String name = "/" + "n".repeat(PacketDecoder.MAX_NAMESPACE_LENGTH + 44);

      assertThat(session.post("40" + name + ",").body()).isEqualTo("ok");

      // CONNECT_ERROR, named like the CONNECT, as the reference answers any namespace it lacks.
      assertThat(session.poll())
          .isEqualTo(new Response(200, "44" + name + ",{\"message\":\"Invalid namespace\"}"));
      assertThat(session.post("40").body()).isEqualTo("ok");
      assertThat(session.poll().body()).startsWith("40{\"sid\":");
    }
  }
}
