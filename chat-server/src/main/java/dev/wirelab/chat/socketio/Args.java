package dev.wirelab.chat.socketio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.chat.socketio.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The arguments of an event or an acknowledgement, as Jackson trees; a binary argument is a binary
 * node, read with {@link #bytes(int)}. Pass {@link #toArray()} to emit them on unchanged.
 */
public final class Args implements Iterable<JsonNode> {
  private final List<JsonNode> values;

  Args(List<JsonNode> values) {
    this.values = List.copyOf(values);
  }

  /** The elements of a JSON array from index {@code from} on. */
  static Args of(JsonNode array, int from) {
    List<JsonNode> list = new ArrayList<>();
    for (int i = from; i < array.size(); i++) {
      list.add(array.get(i));
    }
    return new Args(list);
  }

  public int size() {
    return values.size();
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The argument at {@code index}, or a missing node when there are fewer arguments. */
  public JsonNode get(int index) {
    return index < values.size() ? values.get(index) : Json.MAPPER.missingNode();
  }

  /** The argument as text: a string's value, other JSON as its text form. */
  public String text(int index) {
    JsonNode node = get(index);
    return node.isTextual() ? node.textValue() : node.toString();
  }

  /** The bytes of a binary argument; fails when the argument is not binary. */
  public byte[] bytes(int index) {
    JsonNode node = get(index);
    if (!node.isBinary()) {
      throw new IllegalArgumentException(
          "argument " + index + " is " + node.getNodeType() + ", not binary");
    }
    try {
      return node.binaryValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The argument mapped to a Java type by Jackson, e.g. a record. */
  public <T> T as(int index, Class<T> type) {
    try {
      return Json.MAPPER.treeToValue(get(index), type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "argument " + index + " is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(),
          e);
    }
  }

  /** The arguments as an array for {@code emit(event, args.toArray())}. */
  public Object[] toArray() {
    return values.toArray();
  }

  public List<JsonNode> values() {
    return values;
  }

  @Override
  public Iterator<JsonNode> iterator() {
    return values.iterator();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
