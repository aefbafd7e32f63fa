package dev.wirelab.inspector.capture;

import dev.wirelab.common.cli.UserError;
import java.io.Closeable;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A BPF filter ("tcp port 3000") compiled by libpcap itself, run on frames read from a file. A
 * capture can mix link types (pcapng), so the expression is compiled once per link type.
 */
public final class FrameFilter implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(FrameFilter.class);
  private final String expression;
  private final Map<Integer, BpfProgram> programs = new HashMap<>();

  private FrameFilter(String expression) {
    this.expression = expression;
  }

  /**
   * Compiles {@code expression} for the capture file {@code name} right away, so a typo is reported
   * before any output. libpcap compiles differently for a file than for nothing: for a BSD loopback
   * file it accepts the IPv6 address family of every BSD and macOS, not only Linux's.
   */
  public static FrameFilter forFile(String expression, String name) {
    FrameFilter filter = new FrameFilter(expression);
    PcapHandle file = openOffline(name);
    if (file == null) {
      filter.program(1);
      return filter;
    }
    try {
      filter.programs.put(
          linkType(file.getDlt().value()),
          file.compileFilter(expression, BpfProgram.BpfCompileMode.OPTIMIZE, anyNetmask()));
    } catch (PcapNativeException | NotOpenException e) {
      throw new UserError("bad filter \"" + expression + "\": " + e.getMessage(), 2, e);
    } finally {
      file.close();
    }
    return filter;
  }

  /**
   * libpcap's own handle on the file, or null when libpcap cannot read it (we may still: standard
   * input, damaged files).
   */
  private static PcapHandle openOffline(String name) {
    if (name.equals("-")) {
      return null;
    }
    try {
      return Pcaps.openOffline(name);
    } catch (PcapNativeException e) {
      LOG.debug("libpcap cannot open {}; compiling the filter without it", name, e);
      return null;
    }
  }

  public boolean matches(CapturedFrame frame) {
    return program(frame.linkType()).applyFilter(frame.data(), frame.len(), frame.data().length);
  }

  private BpfProgram program(int linkType) {
    return programs.computeIfAbsent(
        linkType,
        type -> {
          try {
            return Pcaps.compileFilter(
                PcapReader.MAX_RECORD,
                DataLinkType.getInstance(dlt(type)),
                expression,
                BpfProgram.BpfCompileMode.OPTIMIZE,
                anyNetmask());
          } catch (PcapNativeException e) {
            throw new UserError("bad filter \"" + expression + "\": " + e.getMessage(), 2, e);
          }
        });
  }

  /** libpcap on Linux calls LINKTYPE_RAW (101) DLT_RAW (12). */
  private static int dlt(int linkType) {
    return linkType == 101 ? 12 : linkType;
  }

  private static int linkType(int dlt) {
    return dlt == 12 ? 101 : dlt;
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
