package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.model.TcpSegment;

/**
 * Decodes what TCP carries (HTTP, WebSocket, Socket.IO...). {@link FrameDecoder} calls every
 * installed decoder, in order, for every frame with a TCP header, after the TCP layer and its JSON
 * fields were added; a decoder adds its own layers, fields and summary text to the frame.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (list the class in {@code
 * META-INF/services/dev.wirelab.inspector.decode.TcpPayloadDecoder}); each {@link FrameDecoder}
 * gets fresh instances, so a decoder may keep per-capture state such as reassembly buffers. A
 * decoder that finds bytes it cannot make sense of calls {@link DecodedFrame#markMalformed} or
 * throws {@link MalformedFrameException}; any other exception is a bug in the decoder and is
 * reported as one too.
 */
public interface TcpPayloadDecoder {
  void decode(TcpSegment segment, DecodedFrame frame);

  /**
   * {@code --decode-as}: the protocol to assume on these TCP ports (tshark's {@code -d}), e.g. 8080
   * to "websocket" for a capture that starts after the upgrade. Called before any segment.
   */
  default void decodeAs(java.util.Map<Integer, String> protocolByPort) {}
}
