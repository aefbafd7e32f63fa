package dev.wirelab.bench.jmh;

import dev.wirelab.chat.engineio.CloseReason;
import dev.wirelab.chat.engineio.EngineIoSocket;
import java.net.InetSocketAddress;
import java.util.Map;
import org.openjdk.jmh.infra.Blackhole;

/**
 * An Engine.IO session without a network: what the Socket.IO layer sends goes into a JMH blackhole,
 * so a benchmark measures the layer itself, not the kernel.
 */
final class InProcessSocket implements EngineIoSocket {
  private final String id;
  private final Blackhole sink;
  private Handler handler;

  InProcessSocket(String id, Blackhole sink) {
    this.id = id;
    this.sink = sink;
  }

  /** Delivers a client message to the server, as the transport would. */
  void receive(String text) {
    handler.onMessage(text);
  }

  void disconnect() {
    handler.onClose(CloseReason.TRANSPORT_CLOSE);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String transportName() {
    return "websocket";
  }

  @Override
  public Handshake handshake() {
    return new Handshake(
        "/socket.io/?EIO=4&transport=websocket",
        Map.of(),
        Map.of(),
        new InetSocketAddress("127.0.0.1", 0),
        0);
  }

  @Override
  public void send(String text) {
    sink.consume(text);
  }

  @Override
  public void send(byte[] binary) {
    sink.consume(binary);
  }

  @Override
  public boolean isWritable() {
    return true;
  }

  @Override
  public void close() {
    handler.onClose(CloseReason.FORCED_CLOSE);
  }

  @Override
  public void setHandler(Handler handler) {
    this.handler = handler;
  }
}
