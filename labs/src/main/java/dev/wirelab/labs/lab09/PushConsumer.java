package dev.wirelab.labs.lab09;

import dev.wirelab.labs.lab07.RawWebSocketClient;
import dev.wirelab.labs.lab08.Frame;
import dev.wirelab.labs.lab08.Opcode;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.HashMap;
import java.util.Map;

/**
 * Gets the feed by listening: one WebSocket, and the server sends each event the moment it exists.
 */
final class PushConsumer {
  private final String host;
  private final int port;

  PushConsumer(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** Listens until the last event; {@code onListening} runs once the WebSocket is open. */
  Delivery run(Runnable onListening) throws IOException {
    Map<Integer, Long> latencies = new HashMap<>();
    try (RawWebSocketClient webSocket =
        RawWebSocketClient.connect(host, port, FeedServer.PUSH_PATH)) {
      onListening.run();
      boolean last = false;
      while (!last) {
        // Each read is bounded by the socket's read timeout (RawHttpClient.READ_TIMEOUT_MILLIS).
        Frame frame = webSocket.frames().receive();
        if (frame.opcode() != Opcode.TEXT) {
          throw new ProtocolException("expected feed events, got a " + frame);
        }
        long receivedAt = FeedEvent.nowMicros();
        for (FeedEvent event : FeedEvent.parseAll(frame.text())) {
          latencies.put(event.id(), receivedAt - event.producedAtMicros());
          last |= event.isLast();
        }
      }
      webSocket.closeHandshake();
      return new Delivery(
          "WebSocket push",
          latencies,
          1,
          webSocket.traffic().sent(),
          webSocket.traffic().received());
    }
  }
}
