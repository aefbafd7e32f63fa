package dev.wirelab.inspector.stream;

/**
 * Bytes handed on in stream order by a {@link DirectionReassembler}.
 *
 * @param frame the capture frame whose segment carried these bytes
 * @param streamOffset how many bytes of this direction came before (0 = first byte seen)
 * @param segmentStart whether the chunk starts at the first payload byte of its segment, which is
 *     where a per-packet dissector such as tshark without reassembly starts to parse
 * @param missingBefore how many bytes were lost just before this chunk (0: none); after a loss
 *     message framing must resync
 */
public record StreamChunk(
    long frame,
    byte[] bytes,
    int offset,
    int length,
    long streamOffset,
    boolean segmentStart,
    long missingBefore) {
  public boolean afterGap() {
    return missingBefore > 0;
  }
}
