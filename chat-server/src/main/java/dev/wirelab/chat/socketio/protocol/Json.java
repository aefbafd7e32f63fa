package dev.wirelab.chat.socketio.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson mapper of the Socket.IO layer: strict about trailing garbage, thread-safe. */
public final class Json {
  /**
   * The deepest nesting a client's JSON may have. The reference server has no limit; here a deeper
   * document is a parse error, so a few hundred kilobytes of brackets cannot exhaust the stack. Set
   * explicitly, not left to the library's default, which may change between versions.
   */
  public static final int MAX_DEPTH = 1_000;

  /** Shared, immutable after construction, safe to use from any thread. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Json() {}

  /** Turns any Jackson-serialisable value into a tree; a {@code byte[]} becomes a binary node. */
  public static JsonNode toTree(Object value) {
    return value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
  }
}
