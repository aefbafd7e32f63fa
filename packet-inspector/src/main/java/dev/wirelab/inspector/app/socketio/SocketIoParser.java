package dev.wirelab.inspector.app.socketio;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.inspector.decode.MalformedFrameException;

/** Parses the text of a Socket.IO v5 packet carried in an Engine.IO message packet. */
public final class SocketIoParser {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final int MAX_ATTACHMENTS = 1000;

  private SocketIoParser() {}

  public static SocketIoPacket parse(String text) {
    if (text.isEmpty() || text.charAt(0) < '0' || text.charAt(0) > '6') {
      throw new MalformedFrameException("Socket.IO packet type is not a digit 0-6");
    }
    SocketIoPacketType type = SocketIoPacketType.values()[text.charAt(0) - '0'];
    int pos = 1;
    int attachments = 0;
    if (type.isBinary()) {
      int dash = text.indexOf('-', pos);
      String count = dash < 0 ? "" : text.substring(pos, dash);
      if (!count.matches("\\d{1,4}") || Integer.parseInt(count) > MAX_ATTACHMENTS) {
        throw new MalformedFrameException("Socket.IO binary packet without '<attachments>-'");
      }
      attachments = Integer.parseInt(count);
      pos = dash + 1;
    }
    String namespace = "/";
    if (pos < text.length() && text.charAt(pos) == '/') {
      int comma = text.indexOf(',', pos);
      int end = comma < 0 ? text.length() : comma;
      namespace = text.substring(pos, end);
      pos = comma < 0 ? end : comma + 1;
    }
    int digits = pos;
    while (digits < text.length() && digits - pos < 18 && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    long ackId = digits > pos ? Long.parseLong(text.substring(pos, digits)) : -1;
    JsonNode data = digits < text.length() ? json(text.substring(digits)) : null;
    SocketIoPacket packet = new SocketIoPacket(type, attachments, namespace, ackId, data);
    check(packet);
    return packet;
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JacksonException e) {
      throw new MalformedFrameException("Socket.IO data is not JSON: " + e.getOriginalMessage());
    }
  }

  private static void check(SocketIoPacket p) {
    JsonNode data = p.data();
    String problem =
        switch (p.type()) {
          case CONNECT -> data == null || data.isObject() ? null : "CONNECT data must be an object";
          case DISCONNECT -> data == null ? null : "DISCONNECT carries no data";
          case EVENT, BINARY_EVENT ->
              data != null && data.isArray() && data.size() > 0
                  ? null
                  : "EVENT data must be a non-empty array";
          case ACK, BINARY_ACK ->
              data != null && data.isArray() && p.ackId() >= 0
                  ? null
                  : "ACK needs an ack id and an array";
          case CONNECT_ERROR ->
              data != null && (data.isObject() || data.isTextual())
                  ? null
                  : "CONNECT_ERROR data must be an object or a string";
        };
    if (problem != null) {
      throw new MalformedFrameException("Socket.IO " + problem);
    }
  }
}
