package dev.wirelab.labs.lab15;

import java.util.List;
import java.util.Locale;

/** What the loop counts: wake-ups, reads and their sizes, writes the kernel took only part of. */
public final class LoopStats {
  private long wakeUps;
  private long reads;
  private long bytesRead;
  private long largestRead;
  private long writes;
  private long partialWrites;
  private long writeWakeUps;

  synchronized void wokeUp() {
    wakeUps++;
  }

  synchronized void read(int bytes) {
    reads++;
    bytesRead += bytes;
    largestRead = Math.max(largestRead, bytes);
  }

  synchronized void wrote(boolean partial) {
    writes++;
    if (partial) {
      partialWrites++;
    }
  }

  synchronized void writable() {
    writeWakeUps++;
  }

  public synchronized long wakeUps() {
    return wakeUps;
  }

  public synchronized long partialWrites() {
    return partialWrites;
  }

  public synchronized long bytesRead() {
    return bytesRead;
  }

  /** The counts in two lines that fit a projector. */
  public synchronized List<String> lines() {
    return List.of(
        String.format(
            Locale.ROOT,
            "%d wake-ups; %d reads, %d bytes (%.0f per read, at most %d)",
            wakeUps,
            reads,
            bytesRead,
            reads == 0 ? 0.0 : (double) bytesRead / reads,
            largestRead),
        String.format(
            Locale.ROOT,
            "%d writes, %d of them partial; %d OP_WRITE wake-ups",
            writes,
            partialWrites,
            writeWakeUps));
  }
}
