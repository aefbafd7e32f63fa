package dev.wirelab.labs.lab11;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.wirelab.chat.socketio.protocol.Packet;
import dev.wirelab.chat.socketio.protocol.PacketDecoder;
import dev.wirelab.chat.socketio.protocol.ProtocolException;
import java.util.Optional;

/**
 * Writes the Socket.IO packet inside an Engine.IO frame the way the packet inspector does, e.g.
 * {@code 42["chat","hi"]} as {@code SIO EVENT / "chat" ["hi"]}; pings and pongs are left out.
 */
public final class SioNotation {
  /** Engine.IO packet type 4, "message": what follows is one Socket.IO packet. */
  private static final char ENGINE_IO_MESSAGE = '4';

  /** Enough for the lab's binary emits; the attachments themselves follow as binary frames. */
  private static final int MAX_ATTACHMENTS = 8;

  private SioNotation() {}

  /**
   * The Socket.IO packet in an Engine.IO text frame, if the frame is a message and the packet is
   * whole: a binary packet is not, until its attachments (the next binary frames) arrive.
   */
  public static Optional<Packet> decode(String engineIoFrame) throws ProtocolException {
    if (engineIoFrame.isEmpty() || engineIoFrame.charAt(0) != ENGINE_IO_MESSAGE) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        new PacketDecoder(MAX_ATTACHMENTS).decode(engineIoFrame.substring(1)));
  }

  public static String describe(Packet packet) {
    StringBuilder line =
        new StringBuilder("SIO ").append(packet.type()).append(' ').append(packet.namespace());
    JsonNode data = packet.data();
    if (data instanceof ArrayNode array && isEvent(packet)) {
      line.append(' ').append(array.get(0));
      ArrayNode args = array.deepCopy();
      args.remove(0);
      data = args;
    }
    if (packet.wantsAck()) {
      line.append(" id=").append(packet.ackId());
    }
    if (data != null) {
      line.append(' ').append(data);
    }
    return line.toString();
  }

  private static boolean isEvent(Packet packet) {
    return switch (packet.type()) {
      case EVENT, BINARY_EVENT -> true;
      default -> false;
    };
  }
}
