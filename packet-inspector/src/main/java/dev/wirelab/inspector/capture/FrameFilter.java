package dev.wirelab.inspector.capture;

import dev.wirelab.common.cli.UserError;
import java.io.Closeable;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * A BPF filter ("tcp port 3000") compiled by libpcap itself, run on frames read from a file.
 * A capture can mix link types (pcapng), so the expression is compiled once per link type.
 */
public final class FrameFilter implements Closeable {
  private final String expression;
  private final Map<Integer, BpfProgram> programs = new HashMap<>();

  private FrameFilter(String expression) {
    this.expression = expression;
  }

  /** Compiles {@code expression} for {@code linkType} right away, so a typo is reported before any output. */
  public static FrameFilter compile(String expression, int linkType) {
    FrameFilter filter = new FrameFilter(expression);
    filter.program(linkType);
    return filter;
  }

  public boolean matches(CapturedFrame frame) {
    return program(frame.linkType()).applyFilter(frame.data(), frame.len(), frame.data().length);
  }

  private BpfProgram program(int linkType) {
    return programs.computeIfAbsent(linkType, type -> {
      try {
        return Pcaps.compileFilter(PcapReader.MAX_RECORD, DataLinkType.getInstance(dlt(type)), expression,
            BpfProgram.BpfCompileMode.OPTIMIZE, anyNetmask());
      } catch (PcapNativeException e) {
        throw new UserError("bad filter \"" + expression + "\": " + e.getMessage(), 2, e);
      }
    });
  }

  /** libpcap on Linux calls LINKTYPE_RAW (101) DLT_RAW (12). */
  private static int dlt(int linkType) {
    return linkType == 101 ? 12 : linkType;
  }

  private static Inet4Address anyNetmask() {
    try {
      return (Inet4Address) InetAddress.getByAddress(new byte[4]);
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException("four zero bytes are always an IPv4 address", impossible);
    }
  }

  @Override
  public void close() {
    programs.values().forEach(BpfProgram::free);
    programs.clear();
  }
}
