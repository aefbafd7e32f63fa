package dev.wirelab.inspector.capture;

import dev.wirelab.common.cli.UserError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/**
 * Frames from a network interface through libpcap. Reads wake up every 100 ms, so a capture with
 * a duration, or one that is stopped, ends on time even when no frame arrives.
 */
public final class LiveCapture implements FrameSource {
  private static final int READ_TIMEOUT_MILLIS = 100;
  private final PcapHandle handle;
  private final long deadlineNanos;
  private final int linkType;
  private volatile boolean stopped;

  private LiveCapture(PcapHandle handle, long deadlineNanos) {
    this.handle = handle;
    this.deadlineNanos = deadlineNanos;
    this.linkType = handle.getDlt().value() == 12 ? 101 : handle.getDlt().value();
  }

  /**
   * Opens {@code interfaceName}; frames that arrive after this returns are captured.
   *
   * @param filter      BPF expression or null
   * @param durationMillis stop after this long; 0 means until {@link #stop()} or the count is reached
   */
  public static LiveCapture open(String interfaceName, String filter, int snapLen, long durationMillis) {
    PcapHandle handle;
    try {
      if (Pcaps.getDevByName(interfaceName) == null) {
        throw new UserError("no interface named " + interfaceName + " (see --list-interfaces)", 2, null);
      }
      handle = new PcapHandle.Builder(interfaceName).snaplen(snapLen)
          .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
          .timeoutMillis(READ_TIMEOUT_MILLIS).immediateMode(true).build();
    } catch (PcapNativeException e) {
      throw new UserError("cannot capture on " + interfaceName + ": " + e.getMessage()
          + " (capturing needs root or the cap_net_raw capability)", 2, e);
    }
    try {
      if (filter != null) {
        handle.setFilter(filter, BpfProgram.BpfCompileMode.OPTIMIZE);
      }
    } catch (PcapNativeException | NotOpenException e) {
      handle.close();
      throw new UserError("bad filter \"" + filter + "\": " + e.getMessage(), 2, e);
    }
    long deadline = durationMillis > 0 ? System.nanoTime() + durationMillis * 1_000_000 : Long.MAX_VALUE;
    return new LiveCapture(handle, deadline);
  }

  /** "lo: loopback" lines, one per interface libpcap can capture on. */
  public static List<String> interfaces() {
    try {
      List<String> lines = new ArrayList<>();
      for (PcapNetworkInterface device : Pcaps.findAllDevs()) {
        String description = device.getDescription() == null ? "" : device.getDescription();
        lines.add(device.getName() + (device.isLoopBack() ? " (loopback)" : "")
            + (description.isEmpty() ? "" : ": " + description));
      }
      return lines;
    } catch (PcapNativeException e) {
      throw new UserError("cannot list interfaces: " + e.getMessage(), 2, e);
    }
  }

  public int linkType() {
    return linkType;
  }

  /** Makes {@link #next()} return null within one read timeout; safe from any thread. */
  public void stop() {
    stopped = true;
  }

  @Override
  public CapturedFrame next() throws IOException {
    try {
      while (!stopped && System.nanoTime() < deadlineNanos) {
        byte[] data = handle.getNextRawPacket();
        if (data != null) {
          java.sql.Timestamp time = handle.getTimestamp();
          long seconds = Math.floorDiv(time.getTime(), 1000);
          return new CapturedFrame(seconds, time.getNanos(), handle.getOriginalLength(), linkType, data, null);
        }
      }
      return null;
    } catch (NotOpenException e) {
      throw new IOException("the capture handle was closed", e);
    }
  }

  @Override
  public void close() {
    handle.close();
  }
}
