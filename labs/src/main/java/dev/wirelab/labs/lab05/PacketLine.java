package dev.wirelab.labs.lab05;

import dev.wirelab.inspector.decode.FrameDecoder;
import java.util.List;

/**
 * One packet in one line, with its raw numbers, as the packet inspector ({@code ./wirelab inspect})
 * prints it: the text under each row of the conversation table.
 */
final class PacketLine {
  /**
   * One decoder per conversation: it numbers the TCP streams it sees. Raw sequence numbers ({@code
   * inspect -S}): the table above already counts from 0, this line shows the wire.
   */
  private final FrameDecoder inspector =
      new FrameDecoder(List.of(), FrameDecoder.Detail.SUMMARY).absoluteSequenceNumbers(true);

  private long number;

  String describe(Segment segment) {
    long seconds = segment.micros() / 1_000_000;
    int nanos = (int) (segment.micros() % 1_000_000) * 1_000;
    byte[] frame = segment.frame().clone();
    return inspector
        .decode(++number, seconds, nanos, frame.length, segment.linkType(), frame)
        .summary();
  }
}
