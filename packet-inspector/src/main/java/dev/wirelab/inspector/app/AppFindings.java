package dev.wirelab.inspector.app;

import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.model.Layer;
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

  private final boolean keepFields;
  // Each collection is created by its first entry: most segments carry no application data.
  private Map<String, Object> fields = Map.of();
  private List<String> meanings = List.of();
  private List<Detail> details = List.of();
  private List<String> notes = List.of();
  private List<String> malformed = List.of();

  /** Findings that keep the JSON fields. */
  public AppFindings() {
    this(true);
  }

  /**
   * @param keepFields whether the JSON fields are kept (an output shows them)
   */
  public AppFindings(boolean keepFields) {
    this.keepFields = keepFields;
  }

  /** Sets a field unless the frame already has it: tshark reports the first message's values. */
  public void fieldOnce(String key, Object value) {
    if (keepFields) {
      writableFields().putIfAbsent(key, value);
    }
  }

  /** Appends to a list field: tshark lists one value per record (tls.record.version...). */
  @SuppressWarnings("unchecked") // only this method puts lists of Object under such keys
  public void fieldAppend(String key, Object value) {
    if (keepFields) {
      Object list = writableFields().computeIfAbsent(key, k -> new ArrayList<Object>(4));
      if (list instanceof List<?>) {
        ((List<Object>) list).add(value);
      }
    }
  }

  public void field(String key, Object value) {
    if (keepFields) {
      writableFields().put(key, value);
    }
  }

  public void meaning(String text) {
    meanings = appended(meanings, text);
  }

  public void detail(String layer, String name, Object value) {
    detail(layer, name, value, "");
  }

  public void detail(String layer, String name, Object value, String meaning) {
    details = appended(details, new Detail(layer, name, String.valueOf(value), meaning));
  }

  public void note(String text) {
    notes = appended(notes, text);
  }

  public void malformed(String reason) {
    malformed = appended(malformed, reason);
  }

  private Map<String, Object> writableFields() {
    if (fields.isEmpty()) {
      fields = new LinkedHashMap<>();
    }
    return fields;
  }

  private static <T> List<T> appended(List<T> list, T item) {
    List<T> writable = list.isEmpty() ? new ArrayList<>(4) : list;
    writable.add(item);
    return writable;
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
    return fields.isEmpty()
        && meanings.isEmpty()
        && details.isEmpty()
        && notes.isEmpty()
        && malformed.isEmpty();
  }

  /**
   * Adds what was found to the frame: the fields, one layer per decoder named in the details (all
   * spanning the payload from {@code start} to {@code end}), the reassembly notes under "TCP stream
   * {@code tcpStream}", the meanings to the summary line, and the malformed reasons.
   *
   * @param reassembled whether start and end count in a defragmented datagram, not in the frame
   */
  public void showOn(DecodedFrame frame, int start, int end, boolean reassembled, int tcpStream) {
    if (isEmpty()) {
      return;
    }
    fields.forEach(frame::put);
    if (!notes.isEmpty() && frame.keepsFields()) {
      Layer reassembly =
          frame.addLayer(placed(new Layer("TCP stream " + tcpStream, 4, start, end), reassembled));
      notes.forEach(note -> reassembly.add("Reassembly", note, "", start, 0));
    }
    Layer layer = null;
    for (Detail detail : details) {
      if (layer == null || !layer.protocol().equals(detail.layer())) {
        layer = frame.addLayer(placed(new Layer(detail.layer(), 7, start, end), reassembled));
      }
      if (frame.keepsFields()) {
        layer.add(detail.name(), detail.value(), detail.meaning(), start, 0);
      }
    }
    if (!meanings.isEmpty()) {
      frame.appendSummary(String.join("; ", meanings));
    }
    malformed.forEach(frame::markMalformed);
  }

  private static Layer placed(Layer layer, boolean reassembled) {
    return reassembled ? layer.reassembled() : layer;
  }
}
