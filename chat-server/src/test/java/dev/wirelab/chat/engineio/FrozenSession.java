package dev.wirelab.chat.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.chat.http.HttpExchange;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An engine with one polling session whose loop, and so every timer of it, is the test's own
 * EmbeddedChannel with time frozen: the test decides the order of requests and when time passes.
 */
final class FrozenSession implements AutoCloseable {
  private static final String POLLING = "/engine.io/?EIO=4&transport=polling";

  final RecordingListener listener = new RecordingListener();
  final EngineIoServer engine = new EngineIoServer(EngineIoOptions.defaults(), listener);
  final EmbeddedChannel clock = EmbeddedHttp.connection();
  final String sid;
  final EngineIoSession session;
  private final List<EmbeddedChannel> connections = new ArrayList<>();

  FrozenSession() throws Exception {
    clock.freezeTime();
    EmbeddedHttp.send(engine, clock, HttpMethod.GET, POLLING, "");
    String open = EmbeddedHttp.answer(clock);
    sid = new ObjectMapper().readTree(open.substring("200 0".length())).get("sid").asText();
    session = (EngineIoSession) listener.nextOpened();
  }

  /** Sends a polling request on a new connection and returns it, to read its answer from. */
  EmbeddedChannel send(HttpMethod method, String body) {
    EmbeddedChannel connection = EmbeddedHttp.connection();
    connections.add(connection);
    EmbeddedHttp.send(engine, connection, method, POLLING + "&sid=" + sid, body);
    return connection;
  }

  /** A GET sent now; its answer, as {@code "status body"}, or null while it waits. */
  EmbeddedChannel poll() {
    return send(HttpMethod.GET, "");
  }

  /**
   * A GET handed to the session itself, past the engine's routing: one that found the session
   * polling and reaches its loop only after whatever the test did since.
   */
  EmbeddedChannel pollPastTheRouting() {
    EmbeddedChannel connection = EmbeddedHttp.connection();
    connections.add(connection);
    session.onPoll(new HttpExchange(connection, true));
    return connection;
  }

  /** A WebSocket connection, as the engine's pipeline ends, that has claimed the upgrade. */
  EmbeddedChannel claimedProbe() {
    EmbeddedChannel probe =
        new EmbeddedChannel(
            new WebSocketPacketCodec(EngineIoOptions.defaults().maxPayload()),
            new WebSocketTransportHandler(session));
    connections.add(probe);
    assertThat(session.upgrade().claim(probe)).as("claimed").isTrue();
    return probe;
  }

  /** A claimed probe whose handshake is answered: the upgrade waits for its {@code 2probe}. */
  EmbeddedChannel attachedProbe() {
    EmbeddedChannel probe = claimedProbe();
    session.upgrade().attach(probe);
    return probe;
  }

  /** Writes a text frame to a WebSocket connection and returns its first answer, or null. */
  static String frame(EmbeddedChannel webSocket, String text) {
    webSocket.writeInbound(new TextWebSocketFrame(text));
    return text(webSocket);
  }

  /** The next text frame the connection wrote, or null. */
  static String text(EmbeddedChannel webSocket) {
    Object written = webSocket.readOutbound();
    if (written == null) {
      return null;
    }
    assertThat(written).isInstanceOf(TextWebSocketFrame.class);
    TextWebSocketFrame frame = (TextWebSocketFrame) written;
    try {
      return frame.text();
    } finally {
      frame.release();
    }
  }

  void advanceNanos(long nanos) {
    clock.advanceTimeBy(nanos, TimeUnit.NANOSECONDS);
    clock.runScheduledPendingTasks();
  }

  void advanceMillis(long millis) {
    advanceNanos(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  @Override
  public void close() {
    session.close();
    for (EmbeddedChannel connection : connections) {
      connection.finishAndReleaseAll();
    }
    clock.finishAndReleaseAll();
  }
}
