package dev.wirelab.inspector.capture;

import dev.wirelab.common.cli.UserError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames from a network interface through libpcap. On Linux a read can wait forever when no frame
 * arrives (the read timeout only runs once a frame is buffered), so the duration is enforced by a
 * timer that breaks the read off with pcap_breakloop, as {@link #stop()} does.
 */
public final class LiveCapture implements FrameSource {
  private static final Logger LOG = LoggerFactory.getLogger(LiveCapture.class);
  private static final int READ_TIMEOUT_MILLIS = 100;
  private final PcapHandle handle;
  private final int linkType;
  private final ScheduledExecutorService deadline;
  private volatile boolean stopped;

  private LiveCapture(PcapHandle handle, long durationMillis) {
    this.handle = handle;
    this.linkType = handle.getDlt().value() == 12 ? 101 : handle.getDlt().value();
    if (durationMillis > 0) {
      deadline =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "live-capture-deadline");
                thread.setDaemon(true);
                return thread;
              });
      deadline.schedule(this::stop, durationMillis, TimeUnit.MILLISECONDS);
    } else {
      deadline = null;
    }
  }

  /**
   * Opens {@code interfaceName}; frames that arrive after this returns are captured.
   *
   * @param filter BPF expression or null
   * @param durationMillis stop after this long; 0 means until {@link #stop()} or the count is
   *     reached
   */
  public static LiveCapture open(
      String interfaceName, String filter, int snapLen, long durationMillis) {
    PcapHandle handle;
    try {
      if (Pcaps.getDevByName(interfaceName) == null) {
        throw new UserError(
            "no interface named " + interfaceName + " (see --list-interfaces)", 2, null);
      }
      handle =
          new PcapHandle.Builder(interfaceName)
              .snaplen(snapLen)
              .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
              .timeoutMillis(READ_TIMEOUT_MILLIS)
              .build();
    } catch (PcapNativeException e) {
      throw new UserError(
          "cannot capture on "
              + interfaceName
              + ": "
              + e.getMessage()
              + " (capturing needs root or the cap_net_raw capability)",
          2,
          e);
    }
    try {
      if (filter != null) {
        handle.setFilter(filter, BpfProgram.BpfCompileMode.OPTIMIZE);
      }
    } catch (PcapNativeException | NotOpenException e) {
      handle.close();
      throw new UserError("bad filter \"" + filter + "\": " + e.getMessage(), 2, e);
    }
    return new LiveCapture(handle, durationMillis);
  }

  /** "lo: loopback" lines, one per interface libpcap can capture on. */
  public static List<String> interfaces() {
    try {
      List<String> lines = new ArrayList<>();
      for (PcapNetworkInterface device : Pcaps.findAllDevs()) {
        String description = device.getDescription() == null ? "" : device.getDescription();
        lines.add(
            device.getName()
                + (device.isLoopBack() ? " (loopback)" : "")
                + (description.isEmpty() ? "" : ": " + description));
      }
      return lines;
    } catch (PcapNativeException e) {
      throw new UserError("cannot list interfaces: " + e.getMessage(), 2, e);
    }
  }

  /**
   * Makes {@link #next()} return null now, even while it waits for a frame; safe from any thread.
   */
  public void stop() {
    stopped = true;
    try {
      handle.breakLoop();
    } catch (NotOpenException alreadyClosed) {
      LOG.debug("capture already closed when asked to stop", alreadyClosed);
    }
  }

  @Override
  public boolean live() {
    return true;
  }

  @Override
  public CapturedFrame next() throws IOException {
    try {
      while (!stopped) {
        byte[] data = handle.getNextRawPacket();
        if (data != null) {
          java.sql.Timestamp time = handle.getTimestamp();
          long seconds = Math.floorDiv(time.getTime(), 1000);
          return new CapturedFrame(
              seconds, time.getNanos(), handle.getOriginalLength(), linkType, data, null);
        }
      }
      return null;
    } catch (NotOpenException e) {
      throw new IOException("the capture handle was closed", e);
    }
  }

  @Override
  public void close() {
    if (deadline != null) {
      deadline.shutdownNow();
    }
    handle.close();
  }
}
