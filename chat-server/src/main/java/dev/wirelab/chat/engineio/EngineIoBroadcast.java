package dev.wirelab.chat.engineio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sends one text message to many sessions and encodes it once: the whole WebSocket frame ({@code 4}
 * and the UTF-8 text, with its header) is built in one pooled buffer and every WebSocket session
 * writes a duplicate of it at once, on its event loop, so packets keep their order on each
 * connection. The flushes are batched per event loop: the first broadcast written since the last
 * flush schedules one task that flushes every connection written to. A lone broadcast is flushed
 * right after it was written; broadcasts that arrive together (a loaded server reads several in one
 * turn) leave in one system call per connection. Polling sessions (and other {@link EngineIoSocket}
 * implementations) get a plain send.
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

  /**
   * Sends a text message and its binary attachments to each session as one unbroken sequence: for a
   * session on an event loop, all of them are queued from a single task on that loop, so a message
   * another thread sends at the same moment cannot land between the text and its attachments (the
   * client would fail with "parse error").
   */
  public static void sendAll(
      String text, List<byte[]> attachments, Iterable<? extends EngineIoSocket> targets) {
    for (EngineIoSocket target : targets) {
      if (target instanceof EngineIoSession session && !session.loop().inEventLoop()) {
        try {
          session.loop().execute(() -> session.sendAll(text, attachments));
        } catch (RejectedExecutionException e) {
          // the loop is shutting down with its server: nothing can be sent any more
        }
      } else {
        target.sendAll(text, attachments);
      }
    }
  }

  /**
   * The Engine.IO message {@code 4} + {@code text} as one unmasked, final WebSocket text frame, as
   * a server sends it (RFC 6455, section 5.2), header included, in a pooled buffer.
   */
  public static ByteBuf textFrame(String text) {
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
  private static void writeOn(
      EventLoop loop, String text, ByteBuf frame, List<EngineIoSession> sessions) {
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

  /** Runs on the sessions' event loop. */
  private static void writeAll(String text, ByteBuf frame, List<EngineIoSession> sessions) {
    PendingFlushes pending = PENDING_FLUSHES.get();
    try {
      for (EngineIoSession session : sessions) {
        ChannelHandlerContext flushFrom = session.writeShared(text, frame);
        if (flushFrom != null) {
          pending.add(flushFrom);
        }
      }
    } finally {
      frame.release();
    }
    pending.schedule(sessions.get(0).loop());
  }

  /**
   * One per event loop thread (a FastThreadLocal, gone with the thread): the connections written to
   * since the loop's flush task last ran. Only that thread touches it, so it needs no lock.
   */
  private static final FastThreadLocal<PendingFlushes> PENDING_FLUSHES =
      new FastThreadLocal<>() {
        @Override
        protected PendingFlushes initialValue() {
          return new PendingFlushes();
        }
      };

  private static final class PendingFlushes {
    private List<ChannelHandlerContext> connections = new ArrayList<>();
    private boolean scheduled;

    void add(ChannelHandlerContext flushFrom) {
      connections.add(flushFrom);
    }

    void schedule(EventLoop loop) {
      if (!scheduled && !connections.isEmpty()) {
        scheduled = true;
        loop.execute(this::flushAll);
      }
    }

    /**
     * Flushes from below the pipeline's FlushConsolidationHandler: this task is the consolidation
     * for broadcasts, and the handler would defer each connection's flush to a task of its own. A
     * connection written by several broadcasts is listed several times; its later flushes find
     * nothing left and cost next to nothing, less than finding the duplicates would.
     */
    private void flushAll() {
      scheduled = false;
      List<ChannelHandlerContext> due = connections;
      connections = new ArrayList<>(due.size());
      for (ChannelHandlerContext flushFrom : due) {
        if (!flushFrom.isRemoved()) {
          flushFrom.flush();
        }
      }
    }
  }
}
