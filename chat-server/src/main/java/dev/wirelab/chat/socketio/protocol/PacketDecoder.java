package dev.wirelab.chat.socketio.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decodes the packets of one connection, strictly: anything that is not a valid Socket.IO v5 packet
 * is a {@link ProtocolException} saying what was wrong. A binary packet's header is held until its
 * attachments have arrived as the following binary messages.
 *
 * <p>Not thread-safe: one decoder per connection, fed from that connection's event loop.
 */
public final class PacketDecoder {
  /** Event names a client may not emit: the client library uses them for its own events. */
  private static final Set<String> RESERVED_EVENTS =
      Set.of(
          "connect",
          "connect_error",
          "disconnect",
          "disconnecting",
          "newListener",
          "removeListener");

  /**
   * The longest namespace name: a longer one closes the connection, except in a CONNECT, which is
   * answered {@code Invalid namespace} as for any namespace the server does not have.
   */
  public static final int MAX_NAMESPACE_LENGTH = 256;

  /** JavaScript's Number.MAX_SAFE_INTEGER: the largest ack id a JavaScript peer can count to. */
  private static final long MAX_ACK_ID = 9_007_199_254_740_991L;

  private final int maxAttachments;
  private Packet pending;
  private int expectedAttachments;
  private final List<byte[]> received = new ArrayList<>();

  /** A decoder that rejects binary packets announcing more than {@code maxAttachments}. */
  public PacketDecoder(int maxAttachments) {
    this.maxAttachments = maxAttachments;
  }

  /** Decodes a text message; returns null while a binary packet still awaits attachments. */
  public Packet decode(String text) throws ProtocolException {
    if (pending != null) {
      throw new ProtocolException(
          "text message while "
              + (expectedAttachments - received.size())
              + " binary attachment(s) were expected");
    }
    Reader reader = new Reader(text);
    PacketType type = PacketType.fromCode(reader.next());
    if (type == null) {
      throw new ProtocolException("unknown packet type '" + text.charAt(0) + "'");
    }
    int attachments = type.isBinary() ? readAttachmentCount(reader) : 0;
    String namespace = readNamespace(reader, type);
    long ackId = readAckId(reader);
    JsonNode data = readPayload(reader);
    Packet packet = new Packet(type, namespace, ackId, data);
    validate(packet);
    if (attachments == 0) {
      return type.isBinary() ? withAttachments(packet, List.of()) : packet;
    }
    pending = packet;
    expectedAttachments = attachments;
    return null;
  }

  /** Decodes a binary message; returns the packet once its last attachment has arrived. */
  public Packet decode(byte[] binary) throws ProtocolException {
    if (pending == null) {
      throw new ProtocolException("binary message without a binary packet header");
    }
    received.add(binary);
    if (received.size() < expectedAttachments) {
      return null;
    }
    Packet complete = withAttachments(pending, List.copyOf(received));
    pending = null;
    received.clear();
    return complete;
  }

  /** True while a binary packet's header has arrived but not all of its attachments. */
  public boolean awaitingAttachments() {
    return pending != null;
  }

  private static Packet withAttachments(Packet header, List<byte[]> attachments)
      throws ProtocolException {
    JsonNode data = Attachments.reconstruct(header.data(), attachments);
    return new Packet(header.type(), header.namespace(), header.ackId(), data);
  }

  private int readAttachmentCount(Reader reader) throws ProtocolException {
    String digits = reader.digits();
    if (digits.isEmpty() || !reader.skip('-')) {
      throw new ProtocolException("binary packet without an attachment count");
    }
    if (digits.length() > 9 || Integer.parseInt(digits) > maxAttachments) {
      throw new ProtocolException(
          "too many attachments: " + digits + " (at most " + maxAttachments + ")");
    }
    return Integer.parseInt(digits);
  }

  private static String readNamespace(Reader reader, PacketType type) throws ProtocolException {
    if (!reader.at('/')) {
      return "/";
    }
    String namespace = reader.until(',');
    if (namespace.length() > MAX_NAMESPACE_LENGTH && type != PacketType.CONNECT) {
      throw new ProtocolException("namespace longer than " + MAX_NAMESPACE_LENGTH + " characters");
    }
    if (namespace.chars().anyMatch(Character::isISOControl)) {
      throw new ProtocolException("namespace with control characters");
    }
    return namespace;
  }

  private static long readAckId(Reader reader) throws ProtocolException {
    String digits = reader.digits();
    if (digits.isEmpty()) {
      return Packet.NO_ACK;
    }
    if (digits.length() > 16 || Long.parseLong(digits) > MAX_ACK_ID) {
      throw new ProtocolException("ack id out of range: " + digits);
    }
    return Long.parseLong(digits);
  }

  private static JsonNode readPayload(Reader reader) throws ProtocolException {
    String json = reader.rest();
    if (json.isEmpty()) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new ProtocolException("invalid JSON payload: " + e.getOriginalMessage(), e);
    }
  }

  private static void validate(Packet packet) throws ProtocolException {
    JsonNode data = packet.data();
    switch (packet.type()) {
      case CONNECT -> require(data == null || data.isObject(), "CONNECT payload must be an object");
      case DISCONNECT -> require(data == null, "DISCONNECT must not have a payload");
      case CONNECT_ERROR ->
          require(
              data != null && (data.isObject() || data.isTextual()),
              "CONNECT_ERROR payload must be an object or a string");
      case EVENT, BINARY_EVENT ->
          require(
              isEventPayload(data),
              "EVENT payload must be an array starting with a non-reserved event name");
      case ACK, BINARY_ACK -> {
        require(data != null && data.isArray(), "ACK payload must be an array");
        require(packet.wantsAck(), "ACK without an ack id");
      }
    }
    if (packet.wantsAck()) {
      require(
          packet.type() != PacketType.CONNECT
              && packet.type() != PacketType.DISCONNECT
              && packet.type() != PacketType.CONNECT_ERROR,
          packet.type() + " with an ack id");
    }
  }

  private static boolean isEventPayload(JsonNode data) {
    if (data == null || !data.isArray() || data.isEmpty()) {
      return false;
    }
    JsonNode name = data.get(0);
    return name.isNumber() || (name.isTextual() && !RESERVED_EVENTS.contains(name.textValue()));
  }

  private static void require(boolean condition, String problem) throws ProtocolException {
    if (!condition) {
      throw new ProtocolException(problem);
    }
  }

  /** A cursor over the packet text. */
  private static final class Reader {
    private final String text;
    private int position;

    Reader(String text) {
      this.text = text;
    }

    char next() throws ProtocolException {
      if (position >= text.length()) {
        throw new ProtocolException("empty packet");
      }
      return text.charAt(position++);
    }

    boolean at(char c) {
      return position < text.length() && text.charAt(position) == c;
    }

    boolean skip(char c) {
      if (at(c)) {
        position++;
        return true;
      }
      return false;
    }

    String digits() {
      int start = position;
      while (position < text.length()
          && text.charAt(position) >= '0'
          && text.charAt(position) <= '9') {
        position++;
      }
      return text.substring(start, position);
    }

    /** The text up to {@code end} (exclusive) or to the end; the cursor moves past {@code end}. */
    String until(char end) {
      int stop = text.indexOf(end, position);
      String value = text.substring(position, stop < 0 ? text.length() : stop);
      position = stop < 0 ? text.length() : stop + 1;
      return value;
    }

    String rest() {
      String value = text.substring(position);
      position = text.length();
      return value;
    }
  }
}
