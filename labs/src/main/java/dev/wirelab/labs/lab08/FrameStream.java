package dev.wirelab.labs.lab08;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.function.BiConsumer;

/**
 * Frames over one upgraded TCP connection, for either end: the client end masks every frame it
 * sends with a fresh random key, the server end never masks (RFC 6455, section 5.1).
 */
public final class FrameStream {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final InputStream in;
  private final OutputStream out;
  private final boolean clientEnd;
  private BiConsumer<String, byte[]> wireTap = (direction, bytes) -> {};

  private FrameStream(InputStream in, OutputStream out, boolean clientEnd) {
    this.in = in;
    this.out = out;
    this.clientEnd = clientEnd;
  }

  public static FrameStream clientEnd(InputStream in, OutputStream out) {
    return new FrameStream(in, out, true);
  }

  public static FrameStream serverEnd(InputStream in, OutputStream out) {
    return new FrameStream(in, out, false);
  }

  /** Shows every frame's exact bytes to {@code tap} ("sent" or "received", bytes) as they pass. */
  public FrameStream tappedBy(BiConsumer<String, byte[]> tap) {
    this.wireTap = tap;
    return this;
  }

  public void send(Frame frame) throws IOException {
    Frame onTheWire = clientEnd ? frame.maskedWith(newMaskKey()) : frame.unmasked();
    byte[] bytes = FrameCodec.encode(onTheWire);
    // One write per frame: another thread sending at the same moment must not cut into it.
    synchronized (out) {
      wireTap.accept("sent", bytes);
      out.write(bytes);
      out.flush();
    }
  }

  public Frame receive() throws IOException {
    Frame frame = FrameCodec.read(in);
    // Re-encoding gives back the exact bytes that travelled: RFC 6455 (5.2) requires the shortest
    // length form, which is the one FrameCodec writes, and the frame keeps its masking key.
    wireTap.accept("received", FrameCodec.encode(frame));
    return frame;
  }

  private static byte[] newMaskKey() {
    byte[] key = new byte[4];
    RANDOM.nextBytes(key);
    return key;
  }
}
