package dev.wirelab.inspector.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One protocol's header inside a frame: its name, where it sits in the layer models, its bytes and
 * its fields.
 */
public final class Layer {
  private final String protocol;
  private final int osiLayer;
  private final int start;
  private int end;
  private boolean reassembled;
  private List<Field> fields = List.of();

  /**
   * @param protocol the protocol's name as a student reads it: "Ethernet II", "IPv4", "TCP", "DNS"
   * @param osiLayer 2 (link), 3 (network), 4 (transport) or 7 (application)
   * @param start first byte of this layer in the frame
   * @param end one past the last byte of this layer's header (or of its whole message)
   */
  public Layer(String protocol, int osiLayer, int start, int end) {
    this.protocol = protocol;
    this.osiLayer = osiLayer;
    this.start = start;
    this.end = end;
  }

  public Layer add(String label, String value, String meaning, int offset, int length) {
    if (fields.isEmpty()) {
      fields = new ArrayList<>(12);
    }
    fields.add(new Field(label, value, meaning, offset, length));
    return this;
  }

  public Layer add(String label, Object value, int offset, int length) {
    return add(label, String.valueOf(value), "", offset, length);
  }

  public String protocol() {
    return protocol;
  }

  public int osiLayer() {
    return osiLayer;
  }

  /** The TCP/IP model's name for this layer: Link, Internet, Transport or Application. */
  public String tcpIpLayer() {
    return switch (osiLayer) {
      case 1, 2 -> "Link";
      case 3 -> "Internet";
      case 4 -> "Transport";
      default -> "Application";
    };
  }

  /** "L2 Ethernet II", "L3 IPv4", "L4 TCP", "L7 WebSocket". */
  public String label() {
    return "L" + osiLayer + " " + protocol;
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }

  /** Moves the end, for layers whose length is only known after their fields are read. */
  public void end(int newEnd) {
    this.end = newEnd;
  }

  /**
   * Marks a layer decoded from reassembled bytes (an IP datagram put together from fragments, a DNS
   * message from TCP segments): its offsets count from the start of those bytes, not the frame.
   */
  public Layer reassembled() {
    this.reassembled = true;
    return this;
  }

  public boolean isReassembled() {
    return reassembled;
  }

  public List<Field> fields() {
    return fields;
  }
}
