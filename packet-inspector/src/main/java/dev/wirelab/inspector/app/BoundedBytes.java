package dev.wirelab.inspector.app;

import java.util.Arrays;

/** Collects a message body or payload, keeping at most a fixed number of bytes but counting all. */
public final class BoundedBytes {
  /** Enough for every Engine.IO payload a lab sends; longer bodies are counted, not kept. */
  public static final int DEFAULT_LIMIT = 1 << 20;

  private final int limit;
  private byte[] bytes = new byte[64];
  private int kept;
  private long total;

  public BoundedBytes() {
    this(DEFAULT_LIMIT);
  }

  public BoundedBytes(int limit) {
    this.limit = limit;
  }

  public void append(byte[] b, int off, int len) {
    total += len;
    int take = Math.min(len, limit - kept);
    if (take <= 0) {
      return;
    }
    if (kept + take > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(kept + take, Math.min(limit, bytes.length * 2)));
    }
    System.arraycopy(b, off, bytes, kept, take);
    kept += take;
  }

  public byte[] toArray() {
    return Arrays.copyOf(bytes, kept);
  }

  public long total() {
    return total;
  }

  public boolean truncated() {
    return total > kept;
  }

  public void clear() {
    kept = 0;
    total = 0;
  }
}
