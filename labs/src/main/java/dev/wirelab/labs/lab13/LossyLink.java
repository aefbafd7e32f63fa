package dev.wirelab.labs.lab13;

import dev.wirelab.labs.lab13.Fate.Direction;
import dev.wirelab.labs.support.Stopping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A bad network on loopback: a UDP relay between a sender and a receiver that loses, duplicates,
 * reorders, delays and corrupts datagrams as {@link LinkConditions} say. The sender talks to {@link
 * #port()} as if it were the receiver; the receiver answers the link, which passes the answer back
 * to whoever sent last. Neither end can tell the link is there, except by its damage.
 */
public final class LossyLink implements AutoCloseable {
  /** Large enough for any segment the lab sends, and for a student's larger ones. */
  private static final int MAX_DATAGRAM = 65_507;

  private static final long REORDER_DELAYS = 3;

  private final LinkConditions conditions;
  private final List<LinkObserver> observers;
  private final DatagramSocket front;
  private final DatagramSocket back;
  private final InetSocketAddress receiver;
  private final AtomicReference<InetSocketAddress> sender = new AtomicReference<>();
  private final ScheduledExecutorService deliveries;
  private final Map<Direction, Map<Integer, Integer>> seen = new HashMap<>();
  private final Thread forward;
  private final Thread backward;
  private volatile boolean closed;

  /** Something that watches every datagram the link handles: narration, counters, a capture. */
  public interface LinkObserver {
    void onDatagram(Direction direction, byte[] datagram, Fate fate);
  }

  private LossyLink(
      LinkConditions conditions,
      DatagramSocket front,
      InetSocketAddress receiver,
      List<LinkObserver> observers)
      throws SocketException {
    this.conditions = conditions;
    this.front = front;
    this.back = new DatagramSocket(new InetSocketAddress(front.getLocalAddress(), 0));
    this.receiver = receiver;
    this.observers = List.copyOf(observers);
    for (Direction direction : Direction.values()) {
      seen.put(direction, new HashMap<>());
    }
    this.deliveries =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "lab13-link-delivery");
              thread.setDaemon(true);
              return thread;
            });
    this.forward = relay(Direction.FORWARD, front);
    this.backward = relay(Direction.BACKWARD, back);
  }

  /** Listens on {@code host:port} (0 = any free port) and relays to {@code receiver}. */
  public static LossyLink start(
      String host,
      int port,
      InetSocketAddress receiver,
      LinkConditions conditions,
      List<LinkObserver> observers)
      throws IOException {
    DatagramSocket front = new DatagramSocket(new InetSocketAddress(host, port));
    try {
      LossyLink link = new LossyLink(conditions, front, receiver, observers);
      link.forward.start();
      link.backward.start();
      return link;
    } catch (IOException | RuntimeException e) {
      front.close();
      throw e;
    }
  }

  public int port() {
    return front.getLocalPort();
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(front.getLocalAddress(), front.getLocalPort());
  }

  /** The link's own port towards the receiver: what the receiver sees as the sender's address. */
  int backPort() {
    return back.getLocalPort();
  }

  private Thread relay(Direction direction, DatagramSocket from) {
    Thread thread = new Thread(() -> relayEach(direction, from), "lab13-link-" + direction);
    thread.setDaemon(true);
    return thread;
  }

  private void relayEach(Direction direction, DatagramSocket from) {
    byte[] buffer = new byte[MAX_DATAGRAM];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    while (!closed) {
      try {
        from.receive(packet);
      } catch (IOException e) {
        if (closed) {
          return;
        }
        throw new UncheckedIOException("the lossy link stopped relaying " + direction, e);
      }
      byte[] datagram = Arrays.copyOf(buffer, packet.getLength());
      if (direction == Direction.FORWARD) {
        sender.set((InetSocketAddress) packet.getSocketAddress());
      }
      handle(direction, datagram);
    }
  }

  private void handle(Direction direction, byte[] datagram) {
    int occurrence;
    synchronized (seen) {
      occurrence = seen.get(direction).merge(Arrays.hashCode(datagram), 1, Integer::sum);
    }
    Fate fate = Fate.draw(conditions, direction, datagram, occurrence);
    for (LinkObserver observer : observers) {
      observer.onDatagram(direction, datagram, fate);
    }
    if (fate.lost()) {
      return;
    }
    byte[] arriving = fate.corrupted() ? flip(datagram, fate.flipBit()) : datagram;
    long delay = conditions.delayMillis() * (fate.reordered() ? REORDER_DELAYS : 1);
    schedule(direction, arriving, delay);
    if (fate.duplicated()) {
      schedule(direction, arriving, delay);
    }
  }

  private static byte[] flip(byte[] datagram, int bit) {
    byte[] damaged = datagram.clone();
    damaged[bit / 8] ^= (byte) (1 << (bit % 8));
    return damaged;
  }

  private void schedule(Direction direction, byte[] datagram, long delayMillis) {
    deliveries.schedule(() -> deliver(direction, datagram), delayMillis, TimeUnit.MILLISECONDS);
  }

  private void deliver(Direction direction, byte[] datagram) {
    InetSocketAddress to = direction == Direction.FORWARD ? receiver : sender.get();
    DatagramSocket via = direction == Direction.FORWARD ? back : front;
    try {
      via.send(new DatagramPacket(datagram, datagram.length, to));
    } catch (IOException e) {
      if (!closed) {
        throw new UncheckedIOException("the lossy link could not deliver to " + to, e);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    front.close();
    back.close();
    // The relays stop scheduling before the scheduler stops: no delivery is refused on the way.
    Stopping.join(forward, 2_000);
    Stopping.join(backward, 2_000);
    Stopping.shutdownNow(deliveries, 2_000);
  }
}
