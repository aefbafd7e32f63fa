package dev.wirelab.labs.lab03;

import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Kurose &amp; Ross UDP pinger client: sends {@code PING seq time}, waits up to a timeout for
 * the echo, prints each round-trip time and, at the end, statistics like {@code ping}.
 */
final class PingClient {
  /** Every ping's fate: its round-trip time, or lost (no echo before the timeout). */
  record Result(int sent, List<Integer> lost, List<Double> rttMillis) {
    double lossPercent() {
      return sent == 0 ? 0 : 100.0 * lost.size() / sent;
    }
  }

  private final String target;
  private final int timeoutMillis;
  private final Narrator narrator;

  PingClient(String target, int timeoutMillis, Narrator narrator) {
    this.target = target;
    this.timeoutMillis = timeoutMillis;
    this.narrator = narrator;
  }

  /**
   * Pings {@code host:port} {@code count} times. The socket is connected: it accepts replies only
   * from that address, and it is told (PortUnreachableException) when the host says nobody listens.
   */
  Result ping(String host, int port, int count) throws IOException {
    List<Integer> lost = new ArrayList<>();
    List<Double> rtts = new ArrayList<>();
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.connect(new InetSocketAddress(InetAddress.getByName(host), port));
      for (int seq = 1; seq <= count; seq++) {
        Double rtt = pingOnce(socket, seq);
        if (rtt == null) {
          lost.add(seq);
        } else {
          rtts.add(rtt);
        }
      }
    }
    Result result = new Result(count, lost, rtts);
    printStatistics(result);
    return result;
  }

  /** One ping: the round-trip time in milliseconds, or null if no echo came back in time. */
  private Double pingOnce(DatagramSocket socket, int seq) throws IOException {
    byte[] ping =
        String.format("PING %d %d", seq, System.currentTimeMillis())
            .getBytes(StandardCharsets.UTF_8);
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    socket.send(new DatagramPacket(ping, ping.length));
    byte[] buffer = new byte[PingServer.MAX_PAYLOAD];
    // A late echo of an earlier ping may arrive first: skip it and keep waiting for ours.
    while (true) {
      long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (remaining <= 0) {
        return timedOut(seq);
      }
      socket.setSoTimeout((int) remaining);
      DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(reply);
      } catch (SocketTimeoutException e) {
        return timedOut(seq);
      }
      double rtt = (System.nanoTime() - start) / 1e6;
      String text = new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
      if (seq == sequenceOf(text)) {
        narrator.say("%d bytes from %s: seq=%d time=%.3f ms", reply.getLength(), target, seq, rtt);
        return rtt;
      }
      narrator.say("late echo ignored: \"%s\"", text);
    }
  }

  private Double timedOut(int seq) {
    narrator.say("seq=%d: request timed out (no echo within %d ms)", seq, timeoutMillis);
    return null;
  }

  /** The sequence number in {@code PING seq time}, or -1 if the text is not a ping. */
  static int sequenceOf(String text) {
    String[] fields = text.split(" ");
    if (fields.length < 2 || !fields[0].equals("PING")) {
      return -1;
    }
    try {
      return Integer.parseInt(fields[1]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void printStatistics(Result result) {
    narrator.say("--- %s ping statistics ---", target);
    narrator.say(
        "%d packets transmitted, %d received, %.0f%% packet loss, lost: %s",
        result.sent(), result.rttMillis().size(), result.lossPercent(), result.lost());
    if (!result.rttMillis().isEmpty()) {
      double min = result.rttMillis().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
      double max = result.rttMillis().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      double avg =
          result.rttMillis().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      narrator.say("rtt min/avg/max = %.3f/%.3f/%.3f ms", min, avg, max);
    }
  }
}
