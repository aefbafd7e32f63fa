package dev.wirelab.chat.engineio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sends one text message to many sessions and encodes it once: the whole WebSocket frame
 * ({@code 4} and the UTF-8 text, with its header) is built in one pooled buffer and every
 * WebSocket session writes a duplicate of it. Each event loop gets one task that writes to all of
 * its sessions and then flushes each connection once. Polling sessions (and other
 * {@link EngineIoSocket} implementations) get a plain send.
 */
public final class EngineIoBroadcast {
  private static final int FIN_TEXT = 0x81;
  private static final int LENGTH_16_BITS = 126;
  private static final int LENGTH_64_BITS = 127;

  private EngineIoBroadcast() {}

  public static void send(String text, Iterable<? extends EngineIoSocket> targets) {
    Map<EventLoop, List<EngineIoSession>> byLoop = new IdentityHashMap<>();
    for (EngineIoSocket target : targets) {
      if (target instanceof EngineIoSession session) {
        byLoop.computeIfAbsent(session.loop(), loop -> new ArrayList<>()).add(session);
      } else {
        target.send(text);
      }
    }
    if (byLoop.isEmpty()) {
      return;
    }
    ByteBuf frame = textFrame(text);
    try {
      byLoop.forEach((loop, sessions) -> writeOn(loop, text, frame.retain(), sessions));
    } finally {
      frame.release();
    }
  }

  /** An unmasked, final text frame as a server sends it (RFC 6455, section 5.2). */
  static ByteBuf textFrame(String text) {
    int payload = 1 + ByteBufUtil.utf8Bytes(text);
    ByteBuf frame = PooledByteBufAllocator.DEFAULT.buffer(10 + payload);
    frame.writeByte(FIN_TEXT);
    if (payload < LENGTH_16_BITS) {
      frame.writeByte(payload);
    } else if (payload <= 0xFFFF) {
      frame.writeByte(LENGTH_16_BITS).writeShort(payload);
    } else {
      frame.writeByte(LENGTH_64_BITS).writeLong(payload);
    }
    frame.writeByte(PacketType.MESSAGE.digit());
    frame.writeCharSequence(text, StandardCharsets.UTF_8);
    return frame;
  }

  /** Takes over one reference to {@code frame}. */
  private static void writeOn(EventLoop loop, String text, ByteBuf frame,
      List<EngineIoSession> sessions) {
    if (loop.inEventLoop()) {
      writeAll(text, frame, sessions);
      return;
    }
    try {
      loop.execute(() -> writeAll(text, frame, sessions));
    } catch (RejectedExecutionException e) {
      frame.release();
      throw e;
    }
  }

  /** Writes to every session first, so each connection is flushed once, after all writes. */
  private static void writeAll(String text, ByteBuf frame, List<EngineIoSession> sessions) {
    List<Channel> written = new ArrayList<>(sessions.size());
    try {
      for (EngineIoSession session : sessions) {
        Channel channel = session.writeShared(text, frame);
        if (channel != null) {
          written.add(channel);
        }
      }
    } finally {
      frame.release();
    }
    for (Channel channel : written) {
      channel.flush();
    }
  }
}
