package dev.wirelab.chat.socketio.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson mapper of the Socket.IO layer: strict about trailing garbage, thread-safe. */
public final class Json {
  /** Shared, immutable after construction, safe to use from any thread. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private Json() {}

  /** Turns any Jackson-serialisable value into a tree; a {@code byte[]} becomes a binary node. */
  public static JsonNode toTree(Object value) {
    return value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
  }
}
