package dev.wirelab.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.wirelab.bench.server.BenchProtocol;
import dev.wirelab.chat.socketio.SocketIoServer;
import dev.wirelab.chat.socketio.protocol.EncodedPacket;
import dev.wirelab.chat.socketio.protocol.Json;
import dev.wirelab.chat.socketio.protocol.Packet;
import dev.wirelab.chat.socketio.protocol.PacketEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One {@code chat} broadcast to a room of N sockets in the Socket.IO layer (encoded once, the same
 * packet handed to every session), against encoding it once per recipient: {@code java -jar
 * bench/target/benchmarks.jar Broadcast}. Divide by N for the cost per delivery.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BroadcastBenchmark {
  @Param({"100", "1000", "5000"})
  int recipients;

  private SocketIoServer io;
  private final List<InProcessSocket> sockets = new ArrayList<>();
  private JsonNode payload;
  private Packet packet;

  @Setup(Level.Trial)
  public void setUp(Blackhole sink) {
    io = new SocketIoServer();
    BenchProtocol.install(io);
    for (int i = 0; i < recipients; i++) {
      InProcessSocket socket = new InProcessSocket("s" + i, sink);
      io.onOpen(socket);
      // Socket.IO packets as the Engine.IO layer hands them up: without its message type '4'.
      socket.receive("0");
      socket.receive("20[\"join\",\"bench\"]");
      sockets.add(socket);
    }
    int members = io.to("bench").fetchSockets().size();
    if (members != recipients) {
      throw new IllegalStateException(members + " of " + recipients + " sockets joined the room");
    }
    payload =
        Json.MAPPER
            .createObjectNode()
            .put("t", 123456789012L)
            .put("s", 7)
            .put("m", "the quick brown fox jumps over the lazy dog");
    ArrayNode array = Json.MAPPER.createArrayNode().add("chat").add(payload);
    packet = Packet.event("/", array, Packet.NO_ACK);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    sockets.forEach(InProcessSocket::disconnect);
    io.close();
  }

  @Benchmark
  public void broadcastToRoom() {
    io.to("bench").emit("chat", payload);
  }

  /** What a server without encode-once pays: one JSON encoding per recipient. */
  @Benchmark
  public void encodePerRecipient(Blackhole sink) {
    for (int i = 0; i < recipients; i++) {
      EncodedPacket encoded = PacketEncoder.encode(packet);
      sink.consume(encoded);
    }
  }
}
