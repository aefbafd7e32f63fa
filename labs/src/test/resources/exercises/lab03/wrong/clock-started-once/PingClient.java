import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Wrong: the clock starts once, before the first ping, so each RTT adds up all before it. */
public class PingClient {
  private static final int COUNT = 10;
  private static final int TIMEOUT_MILLIS = 1000;

  public static void main(String[] args) throws IOException {
    InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
    List<Double> rtts = new ArrayList<>();
    long start = System.nanoTime();
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      for (int seq = 1; seq <= COUNT; seq++) {
        byte[] ping = String.format(Locale.ROOT, "PING %d %d", seq, System.currentTimeMillis())
            .getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(ping, ping.length, server));
        DatagramPacket echo = new DatagramPacket(new byte[1024], 1024);
        try {
          socket.receive(echo);
          double rtt = (System.nanoTime() - start) / 1e6;
          rtts.add(rtt);
          System.out.printf(Locale.ROOT, "ping %d: reply in %.3f ms%n", seq, rtt);
        } catch (SocketTimeoutException e) {
          System.out.printf(Locale.ROOT, "ping %d: timed out%n", seq);
        }
      }
    }
    int lost = COUNT - rtts.size();
    System.out.printf(Locale.ROOT, "%d sent, %d received, %d lost (%d%%)%n",
        COUNT, rtts.size(), lost, 100 * lost / COUNT);
    if (!rtts.isEmpty()) {
      double min = rtts.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
      double max = rtts.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      double avg = rtts.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      System.out.printf(Locale.ROOT, "rtt min/avg/max = %.3f/%.3f/%.3f ms%n", min, avg, max);
    }
  }
}
