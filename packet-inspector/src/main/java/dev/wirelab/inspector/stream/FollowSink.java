package dev.wirelab.inspector.stream;

import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.model.TcpSegment;
import dev.wirelab.inspector.output.FrameSink;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes one TCP stream's payload in both directions, in sequence order, each segment's new bytes
 * as one block in the layout of {@code tshark -q -z follow,tcp,ascii,N}: a byte count (indented
 * with a tab for node 1, the side that did not send first), then the bytes with anything
 * unprintable shown as a dot. Retransmitted bytes appear once; lost bytes are announced.
 */
final class FollowSink implements FrameSink {
  private static final String RULE =
      "===================================================================";

  private final int stream;
  private final Writer out;
  private final DirectionReassembler[] directions = {
    new DirectionReassembler(), new DirectionReassembler()
  };
  private boolean started;

  FollowSink(int stream, Writer out) {
    this.stream = stream;
    this.out = out;
  }

  @Override
  public void accept(DecodedFrame frame) throws IOException {
    TcpSegment segment = frame.tcpSegment();
    if (segment == null || segment.stream() != stream) {
      return;
    }
    if (!started) {
      started = true;
      header(segment);
    }
    int node = segment.fromClient() ? 0 : 1;
    write(
        node,
        directions[node].accept(
            frame.number(),
            segment.seq(),
            segment.has(TcpSegment.SYN),
            segment.has(TcpSegment.FIN),
            segment.has(TcpSegment.RST),
            segment.data(),
            segment.payloadOffset(),
            segment.payloadLength(),
            segment.wireLength()));
    if (segment.has(TcpSegment.ACK)) {
      write(1 - node, directions[1 - node].acknowledged(segment.ack()));
    }
  }

  @Override
  public void finish() throws IOException {
    if (!started) {
      out.write(
          "TCP stream "
              + stream
              + " is not in this capture (streams are numbered from 0 in order of appearance)\n");
      out.flush();
      return;
    }
    out.write(RULE + "\n");
    long held = directions[0].heldBytes() + directions[1].heldBytes();
    if (held > 0) {
      // Wireshark leaves out what waits behind a gap at the end; say so rather than drop it
      // silently.
      out.write(
          "("
              + held
              + " more bytes arrived after a gap that was never filled; not shown, as in Wireshark)\n");
    }
    out.flush();
  }

  private void header(TcpSegment first) throws IOException {
    out.write("\n" + RULE + "\nFollow: tcp,ascii\nFilter: tcp.stream eq " + stream + "\n");
    out.write(
        "Node 0: "
            + endpoint(
                first.fromClient() ? first.srcAddress() : first.dstAddress(),
                first.fromClient() ? first.srcPort() : first.dstPort())
            + "\n");
    out.write(
        "Node 1: "
            + endpoint(
                first.fromClient() ? first.dstAddress() : first.srcAddress(),
                first.fromClient() ? first.dstPort() : first.srcPort())
            + "\n");
  }

  private static String endpoint(String address, int port) {
    return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
  }

  private void write(int node, Reassembly released) throws IOException {
    String indent = node == 1 ? "\t" : "";
    for (StreamChunk chunk : released.chunks()) {
      if (chunk.afterGap()) {
        // Wireshark counts the terminating NUL of its notice, and shows that NUL as a dot.
        String notice = "[" + chunk.missingBefore() + " bytes missing in capture file]";
        out.write(indent + (notice.length() + 1) + "\n" + notice + ".\n");
      }
      out.write(indent + chunk.length() + "\n");
      StringBuilder text = new StringBuilder(chunk.length() + 1);
      for (int i = chunk.offset(); i < chunk.offset() + chunk.length(); i++) {
        int c = chunk.bytes()[i] & 0xFF;
        text.append(c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7F) ? (char) c : '.');
      }
      out.write(text.append('\n').toString());
    }
  }
}
