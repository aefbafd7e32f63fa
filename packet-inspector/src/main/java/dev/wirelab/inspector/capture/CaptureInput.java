package dev.wirelab.inspector.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads a capture through one fixed buffer, so memory stays flat however big the file is. Integers
 * are read in the byte order the file's header announced. It reads a plain stream, not a
 * FileChannel: the JDK's first FileChannel opens a socket pair for good, which LeakCheck counts.
 */
final class CaptureInput {
  private static final int BUFFER_SIZE = 1 << 20;
  private final InputStream stream;
  private ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
  private boolean endOfFile;

  CaptureInput(InputStream stream) {
    this.stream = stream;
    buffer.flip();
  }

  void order(ByteOrder order) {
    buffer.order(order);
  }

  ByteOrder order() {
    return buffer.order();
  }

  /** Makes {@code count} bytes readable; false when the file ends before that. */
  boolean request(int count) throws IOException {
    if (buffer.remaining() >= count) {
      return true;
    }
    if (count > buffer.capacity()) {
      ByteBuffer bigger = ByteBuffer.allocate(count).order(buffer.order());
      bigger.put(buffer);
      bigger.flip();
      buffer = bigger;
    }
    buffer.compact();
    try {
      while (buffer.position() < count && !endOfFile) {
        int read = stream.read(buffer.array(), buffer.position(), buffer.remaining());
        if (read < 0) {
          endOfFile = true;
        } else {
          buffer.position(buffer.position() + read);
        }
      }
    } finally {
      buffer.flip();
    }
    return buffer.remaining() >= count;
  }

  int remaining() {
    return buffer.remaining();
  }

  int u8() {
    return buffer.get() & 0xFF;
  }

  int u16() {
    return buffer.getShort() & 0xFFFF;
  }

  long u32() {
    return buffer.getInt() & 0xFFFFFFFFL;
  }

  int peekInt(int ahead) {
    return buffer.getInt(buffer.position() + ahead);
  }

  byte[] bytes(int count) {
    byte[] copy = new byte[count];
    buffer.get(copy);
    return copy;
  }

  void skip(int count) {
    buffer.position(buffer.position() + count);
  }

  /** Everything that is left in the file, at most {@code limit} bytes. */
  byte[] rest(int limit) throws IOException {
    request(Math.min(limit, buffer.capacity()));
    return bytes(Math.min(limit, buffer.remaining()));
  }
}
