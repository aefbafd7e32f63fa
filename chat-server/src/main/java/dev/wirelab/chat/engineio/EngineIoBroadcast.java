package dev.wirelab.chat.engineio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * Sends one text message to many sessions and encodes it once: every WebSocket session writes
 * a duplicate of the same pooled buffer, so a broadcast to N clients costs one encoding, not N.
 * Polling sessions (and other {@link EngineIoSocket} implementations) get a plain send.
 */
public final class EngineIoBroadcast {
  private EngineIoBroadcast() {}

  public static void send(String text, Iterable<? extends EngineIoSocket> targets) {
    ByteBuf encoded = PooledByteBufAllocator.DEFAULT.buffer(
        1 + ByteBufUtil.utf8MaxBytes(text.length()));
    try {
      encoded.writeByte(PacketType.MESSAGE.digit());
      encoded.writeCharSequence(text, StandardCharsets.UTF_8);
      for (EngineIoSocket target : targets) {
        if (target instanceof EngineIoSession session) {
          session.sendShared(text, encoded.retainedDuplicate());
        } else {
          target.send(text);
        }
      }
    } finally {
      encoded.release();
    }
  }
}
