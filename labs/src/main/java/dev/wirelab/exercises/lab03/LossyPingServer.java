package dev.wirelab.exercises.lab03;

import dev.wirelab.inspector.app.Quote;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

/**
 * The checker's UDP echo server for the pinger: it drops the pings whose sequence number is in
 * {@code dropped}, delays each echo by {@code delayMillis(seq)}, and keeps every arrival.
 */
final class LossyPingServer implements AutoCloseable {
  /** One datagram as it arrived. */
  record Arrival(long nanos, String text, SocketAddress from, int port) {
    /** The sequence number of "PING seq time", or -1. */
    int seq() {
      String[] words = text.split(" ");
      if (words.length >= 2 && words[0].equals("PING") && words[1].matches("\\d{1,9}")) {
        return Integer.parseInt(words[1]);
      }
      return -1;
    }

    String frame(int serverPort) {
      InetSocketAddress sender = (InetSocketAddress) from;
      return "IP you 127.0.0.1."
          + sender.getPort()
          + " > checker 127.0.0.1."
          + serverPort
          + ": UDP, length "
          + text.getBytes(StandardCharsets.UTF_8).length
          + " "
          + Quote.text(text);
    }
  }

  private final DatagramSocket socket;
  private final Set<Integer> dropped;
  private final IntUnaryOperator delayMillis;
  private final List<Arrival> arrivals = new ArrayList<>();
  private final Thread receiver;
  private final ScheduledExecutorService replies =
      Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "ping-checker-replies"));

  LossyPingServer(Set<Integer> dropped, IntUnaryOperator delayMillis) throws IOException {
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.dropped = Set.copyOf(dropped);
    this.delayMillis = delayMillis;
    this.receiver = new Thread(this::serve, "ping-checker-server");
    receiver.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    byte[] buffer = new byte[65_507];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (IOException closed) {
        // close() ends the receive: the check is over.
        break;
      }
      long now = System.nanoTime();
      byte[] payload = Arrays.copyOf(packet.getData(), packet.getLength());
      Arrival arrival =
          new Arrival(
              now,
              new String(payload, StandardCharsets.UTF_8),
              packet.getSocketAddress(),
              socket.getLocalPort());
      synchronized (arrivals) {
        arrivals.add(arrival);
      }
      int seq = arrival.seq();
      if (!dropped.contains(seq)) {
        SocketAddress to = packet.getSocketAddress();
        replies.schedule(
            () -> echo(payload, to), delayMillis.applyAsInt(seq), TimeUnit.MILLISECONDS);
      }
    }
  }

  private void echo(byte[] payload, SocketAddress to) {
    try {
      socket.send(new DatagramPacket(payload, payload.length, to));
    } catch (IOException e) {
      if (!socket.isClosed()) {
        throw new IllegalStateException("cannot echo to " + to, e);
      }
    }
  }

  List<Arrival> arrivals() {
    synchronized (arrivals) {
      return List.copyOf(arrivals);
    }
  }

  List<String> frames() {
    return arrivals().stream().map(a -> a.frame(port())).toList();
  }

  @Override
  public void close() {
    socket.close();
    replies.shutdownNow();
    try {
      receiver.join(5_000);
      if (!replies.awaitTermination(5, TimeUnit.SECONDS) || receiver.isAlive()) {
        throw new IllegalStateException("the ping checker's server did not stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
