package dev.wirelab.inspector.app;

/**
 * How a run of in-order bytes relates to the frame being shown.
 *
 * @param findings where the frame being shown collects what was decoded
 * @param packetStart whether the first byte is the first payload byte of the frame being shown, the
 *     point where a per-packet dissector (tshark without reassembly) starts; per-frame fields that
 *     tshark compares are reported only for messages parsed from such a start
 * @param afterGap whether bytes were lost just before, so the decoder must find a new message start
 */
public record ChunkContext(AppFindings findings, boolean packetStart, boolean afterGap) {}
