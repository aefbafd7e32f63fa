import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** java WindowSender PORT FILE: sends FILE reliably to 127.0.0.1:PORT, Go-Back-N, window 16. */
public class WindowSender {
  static final int DATA = 0;
  static final int ACK = 1;
  static final int FIN = 2;
  static final int SEGMENT_BYTES = 512;
  static final int WINDOW = 16;
  static final long TIMEOUT_NANOS = 40_000_000L;

  public static void main(String[] args) throws IOException {
    InetSocketAddress to = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]));
    byte[] data = Files.readAllBytes(Path.of(args[1]));
    int count = (data.length + SEGMENT_BYTES - 1) / SEGMENT_BYTES;
    byte[][] segments = new byte[count + 1][];
    for (int seq = 0; seq < count; seq++) {
      int from = seq * SEGMENT_BYTES;
      segments[seq] = encode(DATA, seq, Arrays.copyOfRange(data, from,
          Math.min(data.length, from + SEGMENT_BYTES)));
    }
    segments[count] = encode(FIN, count, new byte[0]);
    try (DatagramSocket socket = new DatagramSocket()) {
      int base = 0;
      int next = 0;
      long timer = 0;
      byte[] buffer = new byte[64];
      while (base <= count) {
        while (next <= count && next < base + WINDOW) {
          socket.send(new DatagramPacket(segments[next], segments[next].length, to));
          if (next == base) {
            timer = System.nanoTime() + TIMEOUT_NANOS;
          }
          next++;
        }
        long wait = timer - System.nanoTime();
        if (wait <= 0) {
          // Go-Back-N: the oldest segment's timer expired, send it and all after it again.
          for (int seq = base; seq < next; seq++) {
            socket.send(new DatagramPacket(segments[seq], segments[seq].length, to));
          }
          timer = System.nanoTime() + TIMEOUT_NANOS;
          continue;
        }
        socket.setSoTimeout((int) Math.max(1, wait / 1_000_000));
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(packet);
        } catch (SocketTimeoutException e) {
          continue;
        }
        byte[] ack = Arrays.copyOf(buffer, packet.getLength());
        if (ack.length < 14) { // the mistake: a damaged ACK is believed
          continue; // damaged: as if lost
        }
        int cumulative = ByteBuffer.wrap(ack).getInt(8);
        if (cumulative > base) { // nor is the number checked against what was sent
          base = cumulative;
          timer = System.nanoTime() + TIMEOUT_NANOS;
        }
      }
    }
  }

  static byte[] encode(int kind, int seq, byte[] payload) {
    ByteBuffer bytes = ByteBuffer.allocate(14 + payload.length);
    bytes.put((byte) kind).put((byte) 0).putShort((short) 0).putInt(seq).putInt(0)
        .putShort((short) payload.length).put(payload);
    byte[] segment = bytes.array();
    int sum = checksum(segment);
    segment[2] = (byte) (sum >> 8);
    segment[3] = (byte) sum;
    return segment;
  }

  /** RFC 1071: the ones' complement of the ones' complement sum of 16-bit words. */
  static int checksum(byte[] data) {
    long sum = 0;
    for (int i = 0; i < data.length; i += 2) {
      int high = data[i] & 0xff;
      int low = i + 1 < data.length ? data[i + 1] & 0xff : 0;
      sum += (high << 8) | low;
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    return (int) (~sum & 0xffff);
  }
}
