package dev.wirelab.chat.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.chat.http.RawHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One encoded buffer shared by every WebSocket recipient, the text for pollers, no leaks. */
class EngineIoBroadcastTest {
  private static final String WEBSOCKET = "/engine.io/?EIO=4&transport=websocket";
  private static final String POLLING = "/engine.io/?EIO=4&transport=polling";

  @Test
  void everyTransportGetsTheMessageAndClosedSessionsAreSkipped() throws Exception {
    try (EchoServer server = new EchoServer(EngineIoOptions.defaults());
        RawWebSocket first = RawWebSocket.connect(server.port(), WEBSOCKET);
        RawWebSocket second = RawWebSocket.connect(server.port(), WEBSOCKET);
        RawWebSocket gone = RawWebSocket.connect(server.port(), WEBSOCKET)) {
      List<EngineIoSocket> sessions = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        sessions.add(server.listener.nextOpened());
      }
      String sid =
          new ObjectMapper()
              .readTree(RawHttp.get(server.port(), POLLING).body().substring(1))
              .get("sid")
              .asText();
      sessions.add(server.listener.nextOpened());
      gone.close();
      assertThat(server.listener.nextCloseReason()).isEqualTo(CloseReason.TRANSPORT_CLOSE);

      EngineIoBroadcast.send("hello, class ☃", sessions);

      for (RawWebSocket socket : List.of(first, second)) {
        socket.read();
        assertThat(socket.read().text()).isEqualTo("4hello, class ☃");
      }
      assertThat(RawHttp.get(server.port(), POLLING + "&sid=" + sid).body())
          .isEqualTo("4hello, class ☃");
    }
  }

  /** The frame header is built here, not by Netty's encoder: each of its three length forms. */
  @Test
  void framesOfEveryLengthFormArriveWhole() throws Exception {
    try (EchoServer server = new EchoServer(EngineIoOptions.defaults());
        RawWebSocket socket = RawWebSocket.connect(server.port(), WEBSOCKET)) {
      List<EngineIoSocket> sessions = List.of(server.listener.nextOpened());
      socket.read();
      for (int length : new int[] {124, 125, 126, 0xFFFE, 0xFFFF, 70_000}) {
        String text = "é".repeat(length / 2) + "x".repeat(length % 2);

        EngineIoBroadcast.send(text, sessions);

        assertThat(socket.read().text()).isEqualTo("4" + text);
      }
    }
  }

  /**
   * Broadcasts are written at once and flushed together later in the loop's turn: whatever else is
   * sent to the connection in between must still arrive in the order it was sent.
   */
  @Test
  void broadcastsFlushedTogetherKeepTheirOrderWithDirectSends() throws Exception {
    try (EchoServer server = new EchoServer(EngineIoOptions.defaults());
        RawWebSocket socket = RawWebSocket.connect(server.port(), WEBSOCKET)) {
      EngineIoSession session = (EngineIoSession) server.listener.nextOpened();
      socket.read();

      session
          .loop()
          .submit(
              () -> {
                EngineIoBroadcast.send("first", List.of(session));
                session.send("direct");
                EngineIoBroadcast.send("second", List.of(session));
                EngineIoBroadcast.send("third", List.of(session));
              })
          .get(5, TimeUnit.SECONDS);

      for (String expected : List.of("4first", "4direct", "4second", "4third")) {
        assertThat(socket.read().text()).isEqualTo(expected);
      }
    }
  }
}
