import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a classic pcap file: given, so that the exercise is about TCP, not file formats. */
public final class Pcap {
  /** One captured frame: its 1-based number, its time in microseconds, and its bytes. */
  public record Frame(int number, long micros, byte[] bytes) {}

  private Pcap() {}

  /** Every frame of a little-endian pcap file with microsecond timestamps. */
  public static List<Frame> read(Path file) throws IOException {
    ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    if (data.remaining() < 24 || data.getInt() != 0xa1b2c3d4) {
      throw new IOException(file + " is not a little-endian pcap file with microseconds");
    }
    data.position(24);
    List<Frame> frames = new ArrayList<>();
    while (data.remaining() >= 16) {
      long seconds = data.getInt() & 0xffffffffL;
      long micros = data.getInt() & 0xffffffffL;
      int captured = data.getInt();
      data.getInt(); // the length on the wire
      byte[] bytes = new byte[captured];
      data.get(bytes);
      frames.add(new Frame(frames.size() + 1, seconds * 1_000_000 + micros, bytes));
    }
    return frames;
  }
}
