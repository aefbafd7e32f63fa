package dev.wirelab.bench.jmh;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.wirelab.chat.socketio.protocol.EncodedPacket;
import dev.wirelab.chat.socketio.protocol.Json;
import dev.wirelab.chat.socketio.protocol.Packet;
import dev.wirelab.chat.socketio.protocol.PacketDecoder;
import dev.wirelab.chat.socketio.protocol.PacketEncoder;
import dev.wirelab.chat.socketio.protocol.ProtocolException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one bench {@code chat} packet through the Socket.IO codec, each way: {@code java -jar
 * bench/target/benchmarks.jar PacketCodec}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PacketCodecBenchmark {
  /** What a bench sender emits, as the server receives it. */
  static final String CHAT_TEXT =
      "2[\"chat\",{\"t\":123456789012,\"s\":7,\"m\":\"the quick brown fox jumps over the lazy dog\"}]";

  private Packet chat;
  private PacketDecoder decoder;

  @Setup
  public void setUp() throws ProtocolException {
    decoder = new PacketDecoder(10);
    chat = decoder.decode(CHAT_TEXT);
  }

  @Benchmark
  public Packet decodeChat() throws ProtocolException {
    return decoder.decode(CHAT_TEXT);
  }

  @Benchmark
  public EncodedPacket encodeChat() {
    return PacketEncoder.encode(chat);
  }

  /** An event built by the server, as {@code io.to(room).emit("chat", payload)} does. */
  @Benchmark
  public EncodedPacket buildAndEncodeChat() {
    ArrayNode array = Json.MAPPER.createArrayNode().add("chat").add(chat.data().get(1));
    return PacketEncoder.encode(Packet.event("/", array, Packet.NO_ACK));
  }
}
