package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.DecodedFrame;

/**
 * Decodes the TLS handshake that QUIC carries in the CRYPTO frames of its Initial packets (RFC 9001
 * 4): the same handshake messages as TLS over TCP, without records. The TLS decoder lives with the
 * application decoders; {@link FrameDecoder} finds one with {@link java.util.ServiceLoader} (listed
 * in {@code META-INF/services/dev.wirelab.inspector.decode.QuicHandshakeDecoder}) and hands it each
 * direction's CRYPTO bytes in order, in capture order, on the thread that decodes the headers.
 */
public interface QuicHandshakeDecoder {
  /**
   * @param connection the connection's number, unique within the capture
   * @param fromClient the direction
   * @param bytes the CRYPTO bytes that follow the ones handed over before for this direction
   * @param frame the frame whose packet completed them, to add the TLS layer and fields to
   * @param start where the QUIC payload starts in the frame, for the layer's bytes
   * @param end where it ends
   * @param reassembled whether start and end count in a defragmented datagram, not in the frame
   */
  void decode(
      int connection,
      boolean fromClient,
      byte[] bytes,
      DecodedFrame frame,
      int start,
      int end,
      boolean reassembled);
}
