package dev.wirelab.chat.socketio.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Encodes packets as {@code <type>[<attachments>-][<namespace>,][<ack id>][<JSON>]}. Stateless. */
public final class PacketEncoder {
  private PacketEncoder() {}

  /** Encodes one packet; EVENT and ACK carrying bytes go out as BINARY_EVENT and BINARY_ACK. */
  public static EncodedPacket encode(Packet packet) {
    JsonNode data = packet.data();
    PacketType type = packet.type();
    List<byte[]> attachments = new ArrayList<>();
    if (Attachments.containsBinary(data)) {
      data = Attachments.deconstruct(data, attachments);
      type =
          switch (type) {
            case EVENT, BINARY_EVENT -> PacketType.BINARY_EVENT;
            case ACK, BINARY_ACK -> PacketType.BINARY_ACK;
            default ->
                throw new IllegalArgumentException(type + " packets cannot carry binary data");
          };
    }
    StringBuilder text = new StringBuilder().append(type.code());
    if (type.isBinary()) {
      text.append(attachments.size()).append('-');
    }
    if (!"/".equals(packet.namespace())) {
      text.append(packet.namespace()).append(',');
    }
    if (packet.wantsAck()) {
      text.append(packet.ackId());
    }
    if (data != null) {
      text.append(toJson(data));
    }
    return new EncodedPacket(text.toString(), attachments);
  }

  private static String toJson(JsonNode data) {
    try {
      return Json.MAPPER.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree: " + e.getOriginalMessage(), e);
    }
  }
}
