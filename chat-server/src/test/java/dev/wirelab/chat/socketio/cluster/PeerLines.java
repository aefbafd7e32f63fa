package dev.wirelab.chat.socketio.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading the Node peer's lines, and the bytes the cluster tests send, for every cluster test. */
final class PeerLines {
  private PeerLines() {}

  /** Whether {@code line} is client {@code client} receiving event {@code name}. */
  static boolean isEvent(JsonNode line, String client, String name) {
    return "on".equals(line.path("event").asText())
        && client.equals(line.path("client").asText())
        && name.equals(line.path("name").asText());
  }

  /** The texts of a JSON array. */
  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(value -> out.add(value.asText()));
    return out;
  }

  /**
   * Six bytes that survive no careless encoding (0x00, 0x7f/0x80, 0xff), the last one the node's.
   */
  static byte[] payloadOf(String nodeName) {
    return new byte[] {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff, (byte) nodeName.charAt(0)};
  }

  /** The bytes as the peer prints them ({@code {"$bytes": [..]}}): 0 to 255. */
  static List<Integer> unsigned(byte[] bytes) {
    List<Integer> out = new ArrayList<>();
    for (byte b : bytes) {
      out.add(b & 0xff);
    }
    return out;
  }
}
