import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Wrong: a teardown is taken to be always four frames from the first FIN. */
public class HandshakeFinder {
  private static final int FIN = 0x01;
  private static final int SYN = 0x02;
  private static final int ACK = 0x10;

  /** A TCP segment's frame, ports and flags. */
  record Segment(Pcap.Frame frame, int sourcePort, int destinationPort, int flags) {
    boolean has(int flag) {
      return (flags & flag) != 0;
    }
  }

  public static void main(String[] args) throws IOException {
    List<Segment> segments = new ArrayList<>();
    for (Pcap.Frame frame : Pcap.read(Path.of(args[0]))) {
      Segment segment = tcp(frame);
      if (segment != null) {
        segments.add(segment);
      }
    }
    int syn = find(segments, 0, s -> s.has(SYN) && !s.has(ACK));
    int synAck = find(segments, syn + 1, s -> s.has(SYN) && s.has(ACK));
    int ack = find(segments, synAck + 1, s -> s.has(ACK) && !s.has(SYN));
    System.out.println("handshake " + numbers(segments.subList(syn, syn + 1))
        + " " + numbers(segments.subList(synAck, synAck + 1))
        + " " + numbers(segments.subList(ack, ack + 1)));
    int firstFin = find(segments, ack + 1, s -> s.has(FIN));
    int lastFrame = segments.get(firstFin).frame().number() + 3;
    StringBuilder teardown = new StringBuilder("teardown");
    for (int n = segments.get(firstFin).frame().number(); n <= lastFrame; n++) {
      teardown.append(' ').append(n);
    }
    System.out.println(teardown);
    long micros = segments.get(synAck).frame().micros() - segments.get(syn).frame().micros();
    System.out.printf(Locale.ROOT, "rtt %.3f ms%n", micros / 1000.0);
  }

  /** The TCP segment in an Ethernet frame, or null if it carries something else. */
  private static Segment tcp(Pcap.Frame frame) {
    ByteBuffer bytes = ByteBuffer.wrap(frame.bytes());
    if (bytes.limit() < 34 || bytes.getShort(12) != 0x0800) {
      return null;
    }
    int ip = 14;
    int ipHeaderLength = (bytes.get(ip) & 0x0f) * 4;
    if (bytes.get(ip + 9) != 6) {
      return null;
    }
    int tcp = ip + ipHeaderLength;
    return new Segment(frame, bytes.getShort(tcp) & 0xffff, bytes.getShort(tcp + 2) & 0xffff,
        bytes.get(tcp + 13) & 0xff);
  }

  private static int find(List<Segment> segments, int from,
      Predicate<Segment> wanted) {
    for (int i = from; i < segments.size(); i++) {
      if (wanted.test(segments.get(i))) {
        return i;
      }
    }
    throw new IllegalStateException("no such segment in the capture");
  }

  private static String numbers(List<Segment> segments) {
    return segments.stream().map(s -> String.valueOf(s.frame().number()))
        .collect(Collectors.joining(" "));
  }
}
