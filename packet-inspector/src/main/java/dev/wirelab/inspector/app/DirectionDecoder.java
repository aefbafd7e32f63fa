package dev.wirelab.inspector.app;

/** Decodes the in-order bytes of one direction of a TCP connection, one protocol at a time. */
public interface DirectionDecoder {
  /**
   * Consumes {@code b[off, off + len)} and reports into {@code context.findings()}; returns how
   * many bytes it consumed, fewer than {@code len} only when it hands the stream to the next
   * protocol (an HTTP upgrade), which then gets the rest.
   */
  int decode(byte[] b, int off, int len, ChunkContext context);

  /** The direction ended (FIN or RST): a body delimited by the connection close is complete. */
  default void endOfStream(ChunkContext context) {}
}
