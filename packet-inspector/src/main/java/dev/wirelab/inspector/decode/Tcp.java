package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;
import dev.wirelab.inspector.model.TcpSegment;
import dev.wirelab.inspector.model.TcpStory;
import java.util.ArrayList;
import java.util.List;

/**
 * TCP (RFC 9293): ports, raw sequence numbers, flags, window and options; then its payload
 * decoders.
 */
final class Tcp {
  private static final String FLAG_LETTERS = "NCEUAPRSF";

  private Tcp() {}

  static void decode(Dissection d, int offset, int end, int wireLength) {
    d.need(offset, 20, end, "TCP header");
    byte[] data = d.data;
    int srcPort = Bytes.u16(data, offset);
    int dstPort = Bytes.u16(data, offset + 2);
    long seq = Bytes.u32(data, offset + 4);
    long ack = Bytes.u32(data, offset + 8);
    int headerLength = (Bytes.u8(data, offset + 12) >> 4) * 4;
    int flags = (Bytes.u8(data, offset + 12) & 1) << 8 | Bytes.u8(data, offset + 13);
    int window = Bytes.u16(data, offset + 14);
    Layer layer = d.layer(new Layer("TCP", 4, offset, offset + Math.max(20, headerLength)));
    if (d.details) {
      layer
          .add("Source port", String.valueOf(srcPort), PortNames.meaning(srcPort), offset, 2)
          .add(
              "Destination port",
              String.valueOf(dstPort),
              PortNames.meaning(dstPort),
              offset + 2,
              2)
          .add(
              "Sequence number",
              String.valueOf(seq),
              "number of this segment's first byte (raw, not relative)",
              offset + 4,
              4)
          .add(
              "Acknowledgment number",
              String.valueOf(ack),
              (flags & TcpSegment.ACK) != 0
                  ? "next byte expected from the other side"
                  : "not valid: ACK flag clear",
              offset + 8,
              4)
          .add(
              "Header length",
              headerLength + " bytes",
              headerLength > 20 ? "options present" : "no options",
              offset + 12,
              1)
          .add(
              "Flags",
              Bytes.hex(flags, 3) + " " + tcpdumpFlags(flags),
              flagNames(flags),
              offset + 12,
              2)
          .add(
              "Window",
              String.valueOf(window),
              "bytes the sender can still receive (before scaling)",
              offset + 14,
              2)
          .add("Urgent pointer", String.valueOf(Bytes.u16(data, offset + 18)), "", offset + 18, 2);
    }
    if (d.quoted) {
      return;
    }
    if (d.json) {
      d.put("tcp.srcport", srcPort);
      d.put("tcp.dstport", dstPort);
      d.put("tcp.seq", seq);
      d.put("tcp.ack", ack);
      d.put("tcp.flags", letters(flags));
      d.put("tcp.window", window);
      d.put("tcp.hdr_len", headerLength);
    }
    if (headerLength < 20) {
      throw new MalformedFrameException(
          "TCP header length " + headerLength + " is below the minimum of 20");
    }
    int payloadLength = wireLength - headerLength;
    if (payloadLength < 0) {
      throw new MalformedFrameException(
          "TCP header length "
              + headerLength
              + " is longer than the "
              + wireLength
              + " bytes IP gives it");
    }
    if (d.json) {
      d.put("tcp.len", payloadLength);
    }
    d.need(offset, headerLength, end, "TCP header with options");
    if (d.details || d.json) {
      Checksums.check(
          d,
          layer,
          "tcp.checksum.status",
          offset + 16,
          offset,
          offset + wireLength,
          d.pseudoHeaderSum(6, wireLength),
          end - offset >= wireLength);
    }
    if (d.details) {
      TcpOptions.describe(layer, data, offset + 20, offset + headerLength);
    }
    int payloadOffset = offset + headerLength;
    int present = Math.max(0, Math.min(end - payloadOffset, payloadLength));
    TcpSegment segment =
        d.decoder
            .streams()
            .segment(
                d.src,
                srcPort,
                d.dst,
                dstPort,
                seq,
                ack,
                flags,
                window,
                data,
                payloadOffset,
                present,
                payloadLength);
    int scale =
        (flags & TcpSegment.SYN) != 0
            ? TcpOptions.windowScale(data, offset + 20, offset + headerLength)
            : -1;
    TcpAnalysis.Result analysis =
        d.decoder
            .streams()
            .analyse(segment, d.frame.seconds() * 1_000_000_000L + d.frame.nanos(), scale);
    List<String> labels = labels(analysis);
    d.summary(summary(d, segment, analysis, labels));
    d.frame.tcpStory(new TcpStory(analysis.relativeSeq(), analysis.relativeAck(), labels));
    if (analysis.flags() != 0) {
      report(d, layer, analysis, offset);
    }
    d.frame.tcpSegment(segment);
  }

  /**
   * tcpdump's line: relative sequence numbers by default ({@code seq 1:1122, ack 1}, the SYN being
   * 0, as Wireshark counts them), raw ones with --absolute-seq; then the analysis flags.
   */
  private static String summary(
      Dissection d, TcpSegment segment, TcpAnalysis.Result analysis, List<String> labels) {
    StringBuilder text = new StringBuilder(120);
    text.append(d.ipName)
        .append(' ')
        .append(d.src)
        .append('.')
        .append(segment.srcPort())
        .append(" > ")
        .append(d.dst)
        .append('.')
        .append(segment.dstPort())
        .append(": Flags [")
        .append(tcpdumpFlags(segment.flags()))
        .append("], seq ");
    boolean raw = d.decoder.absoluteSequenceNumbers();
    long seq = raw ? segment.seq() : analysis.relativeSeq();
    text.append(seq);
    if (!raw && segment.wireLength() > 0) {
      text.append(':').append(seq + segment.wireLength());
    }
    if (segment.has(TcpSegment.ACK)) {
      text.append(", ack ").append(raw ? segment.ack() : analysis.relativeAck());
    }
    text.append(", win ").append(segment.window()).append(", length ").append(segment.wireLength());
    for (String label : labels) {
      text.append(" [").append(label).append(']');
    }
    return text.toString();
  }

  /** The flags as the summary names them; a retransmission of a named kind is named once. */
  private static List<String> labels(TcpAnalysis.Result analysis) {
    if (analysis.flags() == 0) {
      return List.of();
    }
    boolean kindNamed =
        analysis.has(TcpAnalysisFlag.FAST_RETRANSMISSION)
            || analysis.has(TcpAnalysisFlag.SPURIOUS_RETRANSMISSION);
    List<String> labels = new ArrayList<>(2);
    for (TcpAnalysisFlag flag : TcpAnalysisFlag.values()) {
      if (analysis.has(flag) && !(kindNamed && flag == TcpAnalysisFlag.RETRANSMISSION)) {
        labels.add(
            flag == TcpAnalysisFlag.DUPLICATE_ACK
                ? flag.label() + " #" + analysis.dupAckNumber()
                : flag.label());
      }
    }
    return labels;
  }

  private static void report(Dissection d, Layer layer, TcpAnalysis.Result analysis, int offset) {
    List<String> names = new ArrayList<>(2);
    for (TcpAnalysisFlag flag : TcpAnalysisFlag.values()) {
      if (analysis.has(flag)) {
        names.add(flag.oracleName());
        if (d.details) {
          layer.add(
              "Analysis",
              flag.label()
                  + (flag == TcpAnalysisFlag.DUPLICATE_ACK ? " #" + analysis.dupAckNumber() : ""),
              flag.meaning(),
              offset,
              0);
        }
      }
    }
    if (d.json) {
      d.put("tcp.analysis", names);
      if (analysis.has(TcpAnalysisFlag.DUPLICATE_ACK)) {
        d.put("tcp.analysis.dup_ack_num", analysis.dupAckNumber());
      }
    }
  }

  /** The oracle's form: the set flags as letters from "NCEUAPRSF". */
  static String letters(int flags) {
    StringBuilder text = new StringBuilder(9);
    for (int i = 0; i < 9; i++) {
      if ((flags & (0x100 >> i)) != 0) {
        text.append(FLAG_LETTERS.charAt(i));
      }
    }
    return text.toString();
  }

  /** tcpdump's form: S, F, P, R, U, E, W and "." for ACK. */
  static String tcpdumpFlags(int flags) {
    StringBuilder text = new StringBuilder(8);
    appendIf(text, flags, TcpSegment.FIN, 'F');
    appendIf(text, flags, TcpSegment.SYN, 'S');
    appendIf(text, flags, TcpSegment.RST, 'R');
    appendIf(text, flags, TcpSegment.PSH, 'P');
    appendIf(text, flags, TcpSegment.ACK, '.');
    appendIf(text, flags, TcpSegment.URG, 'U');
    appendIf(text, flags, TcpSegment.ECE, 'E');
    appendIf(text, flags, TcpSegment.CWR, 'W');
    return text.length() == 0 ? "none" : text.toString();
  }

  private static void appendIf(StringBuilder text, int flags, int flag, char letter) {
    if ((flags & flag) != 0) {
      text.append(letter);
    }
  }

  private static String flagNames(int flags) {
    String[] names = {"NS", "CWR", "ECE", "URG", "ACK", "PSH", "RST", "SYN", "FIN"};
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      if ((flags & (0x100 >> i)) != 0) {
        text.append(text.length() == 0 ? "" : ", ").append(names[i]);
      }
    }
    return text.length() == 0 ? "no flags set" : text.toString();
  }
}
