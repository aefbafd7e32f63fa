package dev.wirelab.chat.socketio.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;

/**
 * MessagePack for JSON trees, byte for byte as notepack.io 3 (the Node Redis adapter's codec)
 * writes the same JavaScript value: the smallest integer and string forms, float64 for other
 * numbers, {@code bin} for bytes (Jackson binary nodes), map keys as strings in insertion order.
 * Reading also takes what @msgpack/msgpack writes (float32, the timestamp extension, read as the
 * ISO-8601 text {@code JSON.stringify} would have sent).
 */
public final class MsgPack {
  /** Deeper nesting is refused rather than risking the stack on a hostile message. */
  private static final int MAX_DEPTH = 64;

  /** JavaScript numbers are doubles: integers beyond 2^53 are not exact there. */
  private static final double SAFE_INTEGER = 9_007_199_254_740_991d;

  private MsgPack() {}

  /** The value as MessagePack bytes. */
  public static byte[] encode(JsonNode value) {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      pack(packer, value);
      return packer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("packing into memory cannot fail", e);
    }
  }

  private static void pack(MessageBufferPacker packer, JsonNode value) throws IOException {
    switch (value.getNodeType()) {
      case NULL, MISSING -> packer.packNil();
      case BOOLEAN -> packer.packBoolean(value.booleanValue());
      case STRING -> packer.packString(value.textValue());
      case BINARY -> {
        byte[] bytes = value.binaryValue();
        packer.packBinaryHeader(bytes.length);
        packer.writePayload(bytes);
      }
      case NUMBER -> packNumber(packer, value);
      case ARRAY -> {
        packer.packArrayHeader(value.size());
        for (JsonNode element : value) {
          pack(packer, element);
        }
      }
      case OBJECT -> {
        int present = 0;
        for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
          present += it.next().isMissingNode() ? 0 : 1;
        }
        packer.packMapHeader(present);
        for (Map.Entry<String, JsonNode> field : value.properties()) {
          if (!field.getValue().isMissingNode()) {
            packer.packString(field.getKey());
            pack(packer, field.getValue());
          }
        }
      }
      case POJO ->
          throw new IllegalArgumentException("cannot send a Java object as MessagePack: " + value);
      default ->
          throw new IllegalArgumentException("no MessagePack form for " + value.getNodeType());
    }
  }

  /** As JavaScript sees a number: an integral one (2.0 is 2) as an integer, others float64. */
  private static void packNumber(MessageBufferPacker packer, JsonNode value) throws IOException {
    if (value.isIntegralNumber()) {
      if (value.canConvertToLong()) {
        packer.packLong(value.longValue());
      } else {
        packer.packBigInteger(value.bigIntegerValue());
      }
      return;
    }
    double number = value.doubleValue();
    if (number == Math.rint(number)
        && Math.abs(number) <= SAFE_INTEGER
        && !(number == 0 && 1 / number < 0)) {
      packer.packLong((long) number);
    } else {
      packer.packDouble(number);
    }
  }

  /** Reads one value; fails with a {@link MsgPackException} on malformed or trailing bytes. */
  public static JsonNode decode(byte[] bytes) {
    try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
      JsonNode value = unpack(unpacker, 0);
      if (unpacker.hasNext()) {
        throw new MsgPackException("trailing bytes after the MessagePack value");
      }
      return value;
    } catch (IOException | MessagePackException e) {
      throw new MsgPackException("malformed MessagePack: " + e.getMessage());
    }
  }

  private static JsonNode unpack(MessageUnpacker unpacker, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new MsgPackException("MessagePack nested deeper than " + MAX_DEPTH);
    }
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    MessageFormat format = unpacker.getNextFormat();
    return switch (format.getValueType()) {
      case NIL -> {
        unpacker.unpackNil();
        yield nodes.nullNode();
      }
      case BOOLEAN -> nodes.booleanNode(unpacker.unpackBoolean());
      case INTEGER ->
          format == MessageFormat.UINT64
              ? integer(unpacker.unpackBigInteger())
              : nodes.numberNode(unpacker.unpackLong());
      case FLOAT -> nodes.numberNode(unpacker.unpackDouble());
      case STRING -> nodes.textNode(unpacker.unpackString());
      case BINARY -> nodes.binaryNode(unpacker.readPayload(unpacker.unpackBinaryHeader()));
      case ARRAY -> {
        int size = unpacker.unpackArrayHeader();
        ArrayNode array = nodes.arrayNode(Math.min(size, 1024));
        for (int i = 0; i < size; i++) {
          array.add(unpack(unpacker, depth + 1));
        }
        yield array;
      }
      case MAP -> {
        int size = unpacker.unpackMapHeader();
        ObjectNode object = nodes.objectNode();
        for (int i = 0; i < size; i++) {
          JsonNode key = unpack(unpacker, depth + 1);
          String name = key.isTextual() ? key.textValue() : key.toString();
          object.set(name, unpack(unpacker, depth + 1));
        }
        yield object;
      }
      // Only the timestamp extension (-1) exists in JavaScript values; others fail in here.
      case EXTENSION -> nodes.textNode(unpacker.unpackTimestamp().toString());
    };
  }

  private static JsonNode integer(BigInteger value) {
    return value.bitLength() < 64
        ? JsonNodeFactory.instance.numberNode(value.longValue())
        : JsonNodeFactory.instance.numberNode(value);
  }

  /** A message that is not the MessagePack it claims to be. */
  public static final class MsgPackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MsgPackException(String message) {
      super(message);
    }
  }
}
