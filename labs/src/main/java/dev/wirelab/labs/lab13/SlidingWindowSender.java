package dev.wirelab.labs.lab13;

import dev.wirelab.labs.support.Endpoint;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A sliding-window sender: up to {@code window} segments in flight, each kept until acknowledged.
 * With a window of one it is stop-and-wait. The two strategies differ only when something is
 * missing: Go-Back-N keeps one timer, for the oldest segment, and on a timeout sends that one and
 * everything after it again; selective repeat keeps a timer per segment and sends again only the
 * segment whose timer expired.
 */
public final class SlidingWindowSender implements ReliableSender {
  /** What to send again when a timer expires. */
  public enum Strategy {
    GO_BACK_N("Go-Back-N"),
    SELECTIVE_REPEAT("selective repeat");

    public final String title;

    Strategy(String title) {
      this.title = title;
    }
  }

  /** Timeouts in a row without a single intact ACK before the sender decides nobody is there. */
  static final int GIVE_UP_AFTER = 20;

  private final Strategy strategy;
  private final int window;
  private final long timeoutNanos;
  private final Consumer<String> narration;

  public SlidingWindowSender(
      Strategy strategy, int window, long timeoutMillis, Consumer<String> narration) {
    if (window < 1) {
      throw new IllegalArgumentException("a window holds at least one segment, not " + window);
    }
    this.strategy = strategy;
    this.window = window;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    this.narration = narration;
  }

  @Override
  public Transfer send(byte[] data, int segmentBytes, DatagramSocket socket, InetSocketAddress to)
      throws IOException {
    Segment[] segments = Segmenter.cut(data, segmentBytes);
    int last = segments.length - 1;
    boolean[] acked = new boolean[segments.length];
    long[] deadline = new long[segments.length];
    int base = 0;
    int next = 0;
    int transmissions = 0;
    int timeouts = 0;
    int fruitless = 0;
    long start = System.nanoTime();
    byte[] buffer = new byte[Segment.HEADER_BYTES + 64];
    DatagramPacket arrival = new DatagramPacket(buffer, buffer.length);
    while (base <= last) {
      while (next <= last && next < base + window) {
        transmit(socket, to, segments[next], "");
        transmissions++;
        deadline[next] = System.nanoTime() + timeoutNanos;
        next++;
      }
      long now = System.nanoTime();
      int expired = firstExpired(deadline, acked, base, next, now);
      if (expired >= 0) {
        timeouts++;
        if (++fruitless > GIVE_UP_AFTER) {
          throw new NoAnswer(
              String.format(
                  "no acknowledgment at all in %d timeouts in a row (%s): "
                      + "is a receiver running behind %s?",
                  GIVE_UP_AFTER, segments[expired], Endpoint.of(to)));
        }
        int from = strategy == Strategy.GO_BACK_N ? base : expired;
        int until = strategy == Strategy.GO_BACK_N ? next : expired + 1;
        narration.accept(
            String.format(
                "timeout: %s again%s",
                segments[expired],
                until - from > 1 ? String.format(", and the %d after it", until - from - 1) : ""));
        for (int seq = from; seq < until; seq++) {
          if (!acked[seq]) {
            transmit(socket, to, segments[seq], " (again)");
            transmissions++;
            deadline[seq] = System.nanoTime() + timeoutNanos;
          }
        }
        continue;
      }
      long wait = earliest(deadline, acked, base, next) - now;
      socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
      try {
        socket.receive(arrival);
      } catch (SocketTimeoutException e) {
        continue;
      }
      Optional<Segment> ack =
          Segment.decode(buffer, arrival.getLength())
              .filter(segment -> segment.kind() == Segment.Kind.ACK);
      if (ack.isEmpty()) {
        narration.accept("<- a damaged acknowledgment: ignored, as if lost");
        continue;
      }
      fruitless = 0;
      int before = base;
      base = onAck(ack.get(), acked, base, next);
      narration.accept(
          "<- " + ack.get() + (base > before ? ", window slides to " + base : ", nothing new"));
      if (strategy == Strategy.GO_BACK_N && base > before && base < next) {
        deadline[base] = System.nanoTime() + timeoutNanos;
      }
    }
    return new Transfer(
        data.length, segments.length, transmissions, timeouts, System.nanoTime() - start);
  }

  /** Marks what {@code ack} acknowledges and returns the new base of the window. */
  private int onAck(Segment ack, boolean[] acked, int base, int next) {
    // Everything below the cumulative number has arrived, whatever the strategy.
    for (int seq = base; seq < Math.min(ack.ack(), next); seq++) {
      acked[seq] = true;
    }
    if (strategy == Strategy.SELECTIVE_REPEAT && ack.seq() >= base && ack.seq() < next) {
      acked[ack.seq()] = true;
    }
    int newBase = base;
    while (newBase < next && acked[newBase]) {
      newBase++;
    }
    return newBase;
  }

  /** Go-Back-N watches only the oldest segment's timer; selective repeat watches them all. */
  private int firstExpired(long[] deadline, boolean[] acked, int base, int next, long now) {
    int end = strategy == Strategy.GO_BACK_N ? Math.min(base + 1, next) : next;
    for (int seq = base; seq < end; seq++) {
      if (!acked[seq] && deadline[seq] - now <= 0) {
        return seq;
      }
    }
    return -1;
  }

  private long earliest(long[] deadline, boolean[] acked, int base, int next) {
    int end = strategy == Strategy.GO_BACK_N ? Math.min(base + 1, next) : next;
    long earliest = System.nanoTime() + timeoutNanos;
    for (int seq = base; seq < end; seq++) {
      if (!acked[seq] && deadline[seq] - earliest < 0) {
        earliest = deadline[seq];
      }
    }
    return earliest;
  }

  /** The other end never answered: there is nobody, or the link loses everything. */
  public static final class NoAnswer extends IOException {
    private static final long serialVersionUID = 1L;

    NoAnswer(String message) {
      super(message);
    }
  }

  private void transmit(DatagramSocket socket, InetSocketAddress to, Segment segment, String note)
      throws IOException {
    byte[] datagram = segment.encode();
    socket.send(new DatagramPacket(datagram, datagram.length, to));
    narration.accept("-> " + segment + note);
  }
}
