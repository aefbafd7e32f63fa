package dev.wirelab.exercises.lab13;

import dev.wirelab.labs.lab13.Fate;
import dev.wirelab.labs.lab13.Fate.Direction;
import dev.wirelab.labs.lab13.LossyLink;
import dev.wirelab.labs.lab13.Segment;
import dev.wirelab.labs.lab13.Segment.Kind;
import java.util.Optional;

/**
 * The most DATA segments a sender had out at once, as the link sees them: sent, and not yet covered
 * by a cumulative ACK the link let through to the sender. Stop-and-wait never has more than one; a
 * window sender has its window out before the first ACK can return, however busy the machine is,
 * which a goodput figure cannot promise.
 */
final class SegmentsInFlight implements LossyLink.LinkObserver {
  private int acknowledged;
  private int most;

  @Override
  public synchronized void onDatagram(Direction direction, byte[] datagram, Fate fate) {
    Optional<Segment> decoded = Segment.decode(datagram, datagram.length);
    if (decoded.isEmpty()) {
      return; // not a segment of the protocol: the other requirements judge such a sender
    }
    Segment segment = decoded.get();
    if (direction == Direction.BACKWARD && segment.kind() == Kind.ACK) {
      if (!fate.lost() && !fate.corrupted()) {
        acknowledged = Math.max(acknowledged, segment.ack());
      }
    } else if (direction == Direction.FORWARD && segment.kind() == Kind.DATA) {
      most = Math.max(most, segment.seq() - acknowledged + 1);
    }
  }

  synchronized int most() {
    return most;
  }
}
