package dev.wirelab.inspector.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one captured frame: its record header, raw bytes, the decoded layers
 * outermost first, why it is malformed (if it is), the flat JSON fields named like the tshark
 * oracle's, and its one-line summary.
 */
public final class DecodedFrame {
  private final long number;
  private final long seconds;
  private final int nanos;
  private final int capLen;
  private final int len;
  private final int linkType;
  private final byte[] data;
  private final List<Layer> layers = new ArrayList<>(6);
  // Created by the first entry: most frames are well formed, and the one-line mode keeps no JSON.
  private List<String> malformed = List.of();
  private Map<String, Object> json = Map.of();
  private String summary = "";
  private final boolean keepJson;
  private final boolean keepFields;
  private TcpSegment tcpSegment;
  private TcpStory tcpStory;

  /**
   * @param number 1-based frame number in the capture
   * @param seconds timestamp, whole seconds since the epoch
   * @param nanos timestamp, nanoseconds within the second
   * @param len frame length on the wire
   * @param linkType LINKTYPE_ number of the interface the frame came from
   * @param data the captured bytes (capLen is their length); this object owns them
   * @param keepJson false when no output needs the JSON fields: {@link #put} then does nothing,
   *     which saves a good part of the decoding time of the one-line summary
   * @param keepFields false when no output shows the named header fields of the layer tree
   */
  public DecodedFrame(
      long number,
      long seconds,
      int nanos,
      int len,
      int linkType,
      byte[] data,
      boolean keepJson,
      boolean keepFields) {
    this.keepJson = keepJson;
    this.keepFields = keepFields;
    this.number = number;
    this.seconds = seconds;
    this.nanos = nanos;
    this.capLen = data.length;
    this.len = len;
    this.linkType = linkType;
    this.data = data;
  }

  public long number() {
    return number;
  }

  public long seconds() {
    return seconds;
  }

  public int nanos() {
    return nanos;
  }

  public int capLen() {
    return capLen;
  }

  public int len() {
    return len;
  }

  public int linkType() {
    return linkType;
  }

  /** The captured bytes; read them, do not change them. */
  public byte[] data() {
    return data;
  }

  public List<Layer> layers() {
    return layers;
  }

  public Layer addLayer(Layer layer) {
    layers.add(layer);
    return layer;
  }

  public List<String> malformed() {
    return malformed;
  }

  public boolean isMalformed() {
    return !malformed.isEmpty();
  }

  public void markMalformed(String reason) {
    if (malformed.isEmpty()) {
      malformed = new ArrayList<>(1);
    }
    malformed.add(reason);
  }

  /** The flat JSON fields, in insertion order (see tshark-oracle.sh for the names). */
  public Map<String, Object> json() {
    return json;
  }

  /** Whether {@link #put} keeps fields; decoders skip building values nobody will read. */
  public boolean keepsJson() {
    return keepJson;
  }

  /** Whether the layer tree's named header fields are shown (--layers, --hex). */
  public boolean keepsFields() {
    return keepFields;
  }

  /** Sets a JSON field; values are Integer, Long, String, Boolean or a List of them. */
  public void put(String key, Object value) {
    if (keepJson) {
      writableJson().put(key, value);
    }
  }

  /** Sets a JSON field only if no outer layer set it already (tshark reports the outermost). */
  public void putFirst(String key, Object value) {
    if (keepJson) {
      writableJson().putIfAbsent(key, value);
    }
  }

  private Map<String, Object> writableJson() {
    if (json.isEmpty()) {
      json = new LinkedHashMap<>();
    }
    return json;
  }

  /**
   * The one-line summary without the timestamp, e.g. "IP 10.0.0.1.80 > 10.0.0.2.5000: Flags [S.],
   * ...".
   */
  public String summary() {
    return summary;
  }

  public void setSummary(String text) {
    summary = text;
  }

  /** Adds the meaning of a higher layer to the summary, e.g. {@code WS text "hello"}. */
  public void appendSummary(String text) {
    summary = summary.isEmpty() ? text : summary + " " + text;
  }

  /** The TCP segment this frame carries directly (not quoted in an ICMP error), or null. */
  public TcpSegment tcpSegment() {
    return tcpSegment;
  }

  public void tcpSegment(TcpSegment segment) {
    this.tcpSegment = segment;
  }

  /** The sequence analysis of {@link #tcpSegment}, or null without one. */
  public TcpStory tcpStory() {
    return tcpStory;
  }

  public void tcpStory(TcpStory story) {
    this.tcpStory = story;
  }
}
