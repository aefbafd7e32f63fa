package dev.wirelab.labs.lab05;

/**
 * One packet in one line, with its raw numbers: the per-packet text under each row of the
 * conversation table. It is its own class so that a fuller decoder can take over the job.
 */
final class PacketLine {
  String describe(Segment segment) {
    if (segment.udp()) {
      return "UDP, length " + segment.payload().length;
    }
    return "raw seq " + segment.sequence() + (segment.ack() ? ", raw ack " + segment.acknowledgment() : "");
  }
}
