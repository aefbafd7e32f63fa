package dev.wirelab.inspector.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the application decoders found in one captured frame: flat JSON fields (tshark's names for
 * http.* and ws.*, ours for eio.* and sio.*), one-line meanings for the summary, detail lines for
 * the layer tree, and notes about reassembly and malformed input.
 */
public final class AppFindings {
  /** One named line in the layer tree, e.g. WebSocket, Opcode, 1, text. */
  public record Detail(String layer, String name, String value, String meaning) {}

  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final List<String> meanings = new ArrayList<>();
  private final List<Detail> details = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> malformed = new ArrayList<>();

  /** Sets a field unless the frame already has it: tshark reports the first message's values. */
  public void fieldOnce(String key, Object value) {
    fields.putIfAbsent(key, value);
  }

  public void field(String key, Object value) {
    fields.put(key, value);
  }

  public void meaning(String text) {
    meanings.add(text);
  }

  public void detail(String layer, String name, Object value) {
    detail(layer, name, value, "");
  }

  public void detail(String layer, String name, Object value, String meaning) {
    details.add(new Detail(layer, name, String.valueOf(value), meaning));
  }

  public void note(String text) {
    notes.add(text);
  }

  public void malformed(String reason) {
    malformed.add(reason);
  }

  public Map<String, Object> fields() {
    return fields;
  }

  public List<String> meanings() {
    return meanings;
  }

  public List<Detail> details() {
    return details;
  }

  public List<String> notes() {
    return notes;
  }

  public List<String> malformedReasons() {
    return malformed;
  }

  public boolean isEmpty() {
    return fields.isEmpty() && meanings.isEmpty() && details.isEmpty() && notes.isEmpty() && malformed.isEmpty();
  }
}
