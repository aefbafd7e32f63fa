package dev.wirelab.labs.support;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes that pass through a socket's streams: what this end put on the wire, and read.
 */
public final class ByteCounter {
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();

  /** Wrap the socket's own stream (below any buffering), so every byte is counted once. */
  public InputStream counting(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          received.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
          received.addAndGet(n);
        }
        return n;
      }
    };
  }

  public OutputStream counting(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
        sent.incrementAndGet();
      }

      @Override
      public void write(byte[] buffer, int offset, int length) throws IOException {
        out.write(buffer, offset, length);
        sent.addAndGet(length);
      }
    };
  }

  /** Adds another counter's totals to this one: one connection's bytes to a server's. */
  public void add(ByteCounter other) {
    received.addAndGet(other.received());
    sent.addAndGet(other.sent());
  }

  public long received() {
    return received.get();
  }

  public long sent() {
    return sent.get();
  }
}
