package dev.wirelab.inspector.stream;

import java.util.List;

/**
 * What one segment released: in-order chunks (possibly from earlier buffered frames), notes, and
 * whether the segment itself was held back behind a gap, and whether a SYN with a new initial
 * sequence number started a new connection on the same ports (what came before is forgotten).
 */
public record Reassembly(
    List<StreamChunk> chunks, List<String> notes, boolean held, boolean restarted) {}
