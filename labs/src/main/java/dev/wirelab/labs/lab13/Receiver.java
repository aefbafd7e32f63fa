package dev.wirelab.labs.lab13;

import dev.wirelab.labs.support.Stopping;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The receiving half: it acknowledges every segment that arrives intact, delivers the data in
 * order, exactly once, and drops damaged datagrams without a word (the sender's timer will notice).
 * With a window of one it accepts only the segment it expects next, as Go-Back-N's receiver does;
 * with a larger window it keeps segments that arrive early, as selective repeat's does.
 *
 * <p>After the FIN it stays a while, answering: if its last ACK was lost, the sender sends the FIN
 * again and must still get an answer (TCP's TIME_WAIT exists for the same reason).
 */
public final class Receiver implements AutoCloseable {
  private static final int MAX_DATAGRAM = 65_507;

  private final DatagramSocket socket;
  private final int window;
  private final long lingerMillis;
  private final Consumer<String> narration;
  private final Consumer<byte[]> onTransfer;
  private final Thread thread;
  private final CompletableFuture<byte[]> first = new CompletableFuture<>();
  private volatile boolean closed;
  private int corrupted;

  private Receiver(
      DatagramSocket socket,
      int window,
      long lingerMillis,
      Consumer<String> narration,
      Consumer<byte[]> onTransfer) {
    this.socket = socket;
    this.window = window;
    this.lingerMillis = lingerMillis;
    this.narration = narration;
    this.onTransfer = onTransfer;
    this.thread = new Thread(this::receiveAll, "lab13-receiver");
    this.thread.setDaemon(true);
  }

  /**
   * Receives transfers on {@code socket} until closed; each complete one goes to {@code
   * onTransfer}. After a transfer, a quiet {@code lingerMillis} ends it: then a new one may start
   * at segment 0 (0 = never: one transfer only).
   */
  public static Receiver start(
      DatagramSocket socket,
      int window,
      long lingerMillis,
      Consumer<String> narration,
      Consumer<byte[]> onTransfer) {
    Receiver receiver = new Receiver(socket, window, lingerMillis, narration, onTransfer);
    receiver.thread.start();
    return receiver;
  }

  public int port() {
    return socket.getLocalPort();
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(socket.getLocalAddress(), socket.getLocalPort());
  }

  /** The first complete transfer's bytes, in order. */
  public byte[] awaitFirst(long timeoutMillis) throws Exception {
    return first.get(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** Datagrams dropped because their checksum did not add up. */
  public synchronized int corrupted() {
    return corrupted;
  }

  private void receiveAll() {
    try {
      while (!closed) {
        receiveOne();
      }
    } catch (IOException e) {
      if (!closed) {
        first.completeExceptionally(e);
        throw new UncheckedIOException("the receiver stopped", e);
      }
    }
  }

  /** One transfer, from segment 0 to the FIN and the quiet after it. */
  private void receiveOne() throws IOException {
    ByteArrayOutputStream delivered = new ByteArrayOutputStream();
    Map<Integer, Segment> early = new HashMap<>();
    int expected = 0;
    boolean finished = false;
    boolean reported = false;
    byte[] buffer = new byte[MAX_DATAGRAM];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    socket.setSoTimeout(0);
    while (!closed) {
      try {
        socket.receive(packet);
      } catch (SocketTimeoutException quietAfterFin) {
        return;
      }
      Optional<Segment> arrived =
          Segment.decode(buffer, packet.getLength())
              .filter(segment -> segment.kind() != Segment.Kind.ACK);
      if (arrived.isEmpty()) {
        synchronized (this) {
          corrupted++;
        }
        narration.accept("a damaged datagram (checksum mismatch): dropped, no ACK");
        continue;
      }
      Segment segment = arrived.get();
      String what;
      if (segment.seq() < expected) {
        what = "a duplicate: delivered before, acknowledged again";
      } else if (segment.seq() >= expected + window) {
        // No ACK either: to a selective-repeat sender an ACK would say "this one arrived".
        narration.accept("<- " + segment + ": beyond the window, dropped");
        continue;
      } else {
        early.put(segment.seq(), segment);
        int before = expected;
        while (early.containsKey(expected)) {
          Segment next = early.remove(expected);
          delivered.writeBytes(next.payload());
          finished |= next.kind() == Segment.Kind.FIN;
          expected++;
        }
        what =
            expected == before
                ? "early: kept until " + before + " arrives"
                : expected - before == 1
                    ? "delivered"
                    : "delivered, with " + (expected - before - 1) + " kept from before";
      }
      Segment ack = Segment.ack(segment.seq(), expected);
      narration.accept("<- " + segment + ": " + what + "; -> " + ack);
      byte[] datagram = ack.encode();
      socket.send(new DatagramPacket(datagram, datagram.length, packet.getSocketAddress()));
      if (finished && !reported) {
        reported = true;
        byte[] bytes = delivered.toByteArray();
        first.complete(bytes);
        onTransfer.accept(bytes);
        socket.setSoTimeout((int) lingerMillis);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    socket.close();
    Stopping.join(thread, 2_000);
  }
}
