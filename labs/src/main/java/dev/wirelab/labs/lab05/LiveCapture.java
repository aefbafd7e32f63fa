package dev.wirelab.labs.lab05;

import dev.wirelab.common.cli.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapDumper;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.Packet;

/**
 * A libpcap capture on the loopback interface, filtered to the lab's ports.
 *
 * <p>No thread and no waiting for "the capture to be ready": once {@link #start} returns, the
 * handle is active and its BPF filter installed, and the kernel queues every matching packet for it
 * from then on. The lab can run its exchange and read the queue afterwards.
 */
public final class LiveCapture implements AutoCloseable {
  private static final int SNAPLEN = 65_535;

  /** How long one read waits for a packet before the loop checks its deadline again. */
  private static final int READ_TIMEOUT_MILLIS = 50;

  private final PcapHandle handle;
  private final String device;
  private final String filter;
  private final PcapDumper dumper;

  private LiveCapture(PcapHandle handle, String device, String filter, PcapDumper dumper) {
    this.handle = handle;
    this.device = device;
    this.filter = filter;
    this.dumper = dumper;
  }

  /**
   * Opens {@code deviceName} (empty: the loopback interface, whatever this OS calls it) with the
   * filter {@code tcp port P or udp port P}; with {@code saveTo}, also writes what it reads there.
   */
  public static LiveCapture start(String deviceName, int port, Optional<Path> saveTo)
      throws CaptureUnavailable {
    String device = deviceName;
    PcapHandle handle = null;
    try {
      device = deviceName.isEmpty() ? loopbackName() : deviceName;
      if (Pcaps.getDevByName(device) == null) {
        throw new CaptureUnavailable("there is no capture device named " + device, null);
      }
      handle =
          new PcapHandle.Builder(device)
              .snaplen(SNAPLEN)
              .promiscuousMode(PromiscuousMode.NONPROMISCUOUS)
              .timeoutMillis(READ_TIMEOUT_MILLIS)
              // Deliver each packet at once instead of batching them in the kernel's buffer.
              .immediateMode(true)
              .build();
      String filter = "tcp port " + port + " or udp port " + port;
      handle.setFilter(filter, BpfCompileMode.OPTIMIZE);
      return new LiveCapture(
          handle, device, filter, saveTo.isPresent() ? dumper(handle, saveTo.get()) : null);
    } catch (PcapNativeException | NotOpenException | LinkageError e) {
      if (handle != null) {
        handle.close();
      }
      throw CaptureUnavailable.from(device, e);
    }
  }

  /** A file that cannot be written is the user's to fix, not a reason to give up capturing. */
  private static PcapDumper dumper(PcapHandle handle, Path file) throws NotOpenException {
    try {
      return handle.dumpOpen(file.toString());
    } catch (PcapNativeException e) {
      handle.close();
      throw new UserError("cannot write the capture to " + file + ": " + e.getMessage(), e);
    }
  }

  private static String loopbackName() throws PcapNativeException, CaptureUnavailable {
    for (PcapNetworkInterface candidate : Pcaps.findAllDevs()) {
      if (candidate.isLoopBack()) {
        return candidate.getName();
      }
    }
    throw new CaptureUnavailable(
        "libpcap lists no loopback interface (on Windows, install Npcap "
            + "with \"Support loopback traffic\")",
        null);
  }

  public String description() {
    return "'" + filter + "' on " + device;
  }

  /**
   * Reads the queued packets until the conversation is complete or {@code timeoutMillis} passed,
   * whichever comes first. A read blocks until a packet comes (libpcap's read timeout does not
   * bound it on Linux), so a watchdog breaks the read off at the deadline.
   */
  public Conversation readUntilComplete(long timeoutMillis)
      throws NotOpenException, InterruptedException {
    List<Segment> segments = new ArrayList<>();
    Conversation conversation = new Conversation(segments);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    CountDownLatch finished = new CountDownLatch(1);
    Thread watchdog =
        new Thread(() -> breakOffAfter(finished, timeoutMillis), "lab05-capture-watchdog");
    watchdog.start();
    try {
      while (!conversation.isComplete() && System.nanoTime() < deadline) {
        Packet packet = handle.getNextPacket();
        if (packet == null) {
          continue;
        }
        if (dumper != null) {
          dumper.dump(packet, handle.getTimestamp());
        }
        Segment.of(packet, handle.getDlt().value(), Segment.micros(handle.getTimestamp()))
            .ifPresent(segments::add);
      }
    } finally {
      finished.countDown();
      watchdog.join();
    }
    return new Conversation(List.copyOf(segments));
  }

  private void breakOffAfter(CountDownLatch finished, long timeoutMillis) {
    try {
      if (!finished.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
        handle.breakLoop();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (NotOpenException e) {
      throw new IllegalStateException("the capture closed while it was being read", e);
    }
  }

  @Override
  public void close() {
    if (dumper != null) {
      dumper.close();
    }
    handle.close();
  }
}
