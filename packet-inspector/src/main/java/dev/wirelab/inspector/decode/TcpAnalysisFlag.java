package dev.wirelab.inspector.decode;

/**
 * What tshark's {@code tcp.analysis.*} says about a segment, in the oracle's order. Each is a guess
 * from what the capture shows, made the way Wireshark makes it.
 */
public enum TcpAnalysisFlag {
  RETRANSMISSION(
      "retransmission", "sends again bytes sent before (the first copy or its ACK was lost)"),
  FAST_RETRANSMISSION(
      "fast_retransmission", "resent at once after duplicate ACKs, without waiting for the timer"),
  SPURIOUS_RETRANSMISSION(
      "spurious_retransmission", "resends bytes the receiver had already acknowledged"),
  DUPLICATE_ACK("duplicate_ack", "repeats the last ACK: the receiver got a segment beyond a gap"),
  OUT_OF_ORDER("out_of_order", "came soon after a later segment: reordered in the network"),
  LOST_SEGMENT("lost_segment", "starts after bytes this capture never saw (lost, or not captured)"),
  ACK_LOST_SEGMENT("ack_lost_segment", "acknowledges bytes this capture never saw"),
  ZERO_WINDOW("zero_window", "the sender's receive buffer is full: stop sending"),
  ZERO_WINDOW_PROBE("zero_window_probe", "one byte into a zero window, to learn when it opens"),
  WINDOW_FULL("window_full", "fills the receiver's whole advertised window"),
  WINDOW_UPDATE("window_update", "only announces a new window"),
  KEEP_ALIVE("keep_alive", "an old byte again, to check the other side is still there");

  private final String oracleName;
  private final String meaning;

  TcpAnalysisFlag(String oracleName, String meaning) {
    this.oracleName = oracleName;
    this.meaning = meaning;
  }

  /** tshark's name, without the {@code tcp.analysis.} prefix. */
  public String oracleName() {
    return oracleName;
  }

  /** For the summary: "retransmission", "duplicate ACK"... */
  public String label() {
    return switch (this) {
      case DUPLICATE_ACK -> "duplicate ACK";
      case ACK_LOST_SEGMENT -> "ACKed unseen segment";
      case LOST_SEGMENT -> "previous segment not captured";
      default -> oracleName.replace('_', ' ');
    };
  }

  public String meaning() {
    return meaning;
  }

  int bit() {
    return 1 << ordinal();
  }
}
