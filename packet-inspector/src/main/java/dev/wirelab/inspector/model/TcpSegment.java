package dev.wirelab.inspector.model;

/**
 * What the TCP decoder learned about one segment, handed to every {@code TcpPayloadDecoder}.
 *
 * @param stream stream index, numbered from 0 in order of first appearance (Wireshark's tcp.stream)
 * @param fromClient true when the sender is the endpoint that sent the stream's first seen segment
 * @param srcAddress sender IP address as text
 * @param srcPort sender port
 * @param dstAddress receiver IP address as text
 * @param dstPort receiver port
 * @param seq raw 32-bit sequence number
 * @param ack raw 32-bit acknowledgement number
 * @param flags the 9 flag bits (see the constants), NS highest
 * @param window raw window field, unscaled
 * @param data the bytes the payload offset refers to: the frame's, or a datagram reassembled from
 *     IP fragments
 * @param payloadOffset first payload byte in {@code data}
 * @param payloadLength payload bytes present in the frame (fewer than {@code wireLength} when the
 *     capture cut the frame)
 * @param wireLength payload length on the wire: IP length minus the headers
 */
public record TcpSegment(
    int stream,
    boolean fromClient,
    String srcAddress,
    int srcPort,
    String dstAddress,
    int dstPort,
    long seq,
    long ack,
    int flags,
    int window,
    byte[] data,
    int payloadOffset,
    int payloadLength,
    int wireLength) {
  public static final int FIN = 0x001;
  public static final int SYN = 0x002;
  public static final int RST = 0x004;
  public static final int PSH = 0x008;
  public static final int ACK = 0x010;
  public static final int URG = 0x020;
  public static final int ECE = 0x040;
  public static final int CWR = 0x080;
  public static final int NS = 0x100;

  public boolean has(int flag) {
    return (flags & flag) != 0;
  }
}
