package dev.wirelab.inspector.stream;

import java.util.List;

/** What one segment released: in-order chunks (possibly from earlier buffered frames) and notes. */
public record Reassembly(List<StreamChunk> chunks, List<String> notes) {}
