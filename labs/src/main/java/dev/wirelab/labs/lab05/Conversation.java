package dev.wirelab.labs.lab05;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * The captured packets of one TCP connection and the UDP datagram, in capture order, with the
 * knowledge of who is who: the client is whoever sent the first SYN.
 */
public record Conversation(List<Segment> segments) {

  public Optional<InetSocketAddress> client() {
    return segments.stream()
        .filter(s -> !s.udp() && s.syn() && !s.ack())
        .findFirst()
        .map(Segment::from);
  }

  /**
   * True once the capture holds the UDP datagram and the whole TCP teardown: a FIN from each side
   * and the acknowledgment of the second FIN. Nothing more is expected after that.
   */
  public boolean isComplete() {
    boolean udpSeen = segments.stream().anyMatch(Segment::udp);
    List<Segment> fins = segments.stream().filter(s -> !s.udp() && s.fin()).toList();
    if (!udpSeen || fins.size() < 2) {
      return false;
    }
    Segment lastFin = fins.get(fins.size() - 1);
    long acked = (lastFin.sequence() + lastFin.sequenceSpace()) & 0xffffffffL;
    return segments.stream()
        .anyMatch(
            s ->
                !s.udp()
                    && s.ack()
                    && s.from().equals(lastFin.to())
                    && s.acknowledgment() == acked);
  }
}
