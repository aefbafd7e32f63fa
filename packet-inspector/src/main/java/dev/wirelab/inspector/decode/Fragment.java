package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;
import java.util.stream.Collectors;

/**
 * One IP fragment's payload: handed to the reassembly, and the datagram decoded once it is whole.
 */
final class Fragment {
  private Fragment() {}

  /**
   * @param from first payload byte of the fragment in the frame
   * @param end one past the last payload byte present
   * @param wireLength the fragment's payload length as its IP header states it
   */
  static void reassemble(
      Dissection d,
      IpFragments.Key key,
      int offset,
      boolean more,
      int protocol,
      int from,
      int end,
      int wireLength) {
    Layer layer =
        d.layer(new Layer("IPv" + key.version() + " fragment", 3, from, Math.max(from, end)));
    int present = Math.max(0, end - from);
    if (present < wireLength) {
      layer.add(
          "Reassembly",
          "not possible",
          "only " + present + " of the fragment's " + wireLength + " bytes are in the frame",
          from,
          present);
      if (offset == 0) {
        // As tshark does: the start of the datagram is all there will be, so show what it holds.
        IpProtocols.dispatch(d, protocol, from, end, wireLength);
      }
      return;
    }
    IpFragments.Outcome outcome =
        d.decoder
            .fragments()
            .add(
                key,
                d.frame.number(),
                d.frame.seconds(),
                offset,
                more,
                protocol,
                d.data,
                from,
                wireLength);
    layer.add("Reassembly", outcome.note(), "", from, wireLength);
    if (outcome.datagram() == null) {
      return;
    }
    String frames =
        outcome.frames().stream().map(String::valueOf).collect(Collectors.joining(", "));
    Dissection whole = d.over(outcome.datagram());
    try {
      IpProtocols.dispatch(
          whole, outcome.protocol(), 0, outcome.datagram().length, outcome.datagram().length);
    } catch (MalformedFrameException e) {
      d.frame.markMalformed(e.getMessage() + " (in the reassembled datagram)");
    } finally {
      d.frame.appendSummary("[reassembled from frames " + frames + "]");
    }
  }
}
