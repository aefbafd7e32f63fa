package dev.wirelab.bench.floor;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * The channels of one room, grouped by the event loop that owns them, and the cheapest broadcast
 * Netty allows: one wire frame (WebSocket header and payload) encoded once, one task per event loop
 * that writes a duplicate to each of its channels and then flushes each, one system call per
 * channel. The Socket.IO server's broadcast does the same and more; what it costs above this is
 * Engine.IO and Socket.IO.
 */
final class FloorRoom {
  private final Map<EventLoop, Set<Channel>> byLoop = new ConcurrentHashMap<>();

  void add(Channel channel) {
    Set<Channel> channels =
        byLoop.computeIfAbsent(channel.eventLoop(), loop -> ConcurrentHashMap.newKeySet());
    channels.add(channel);
    channel.closeFuture().addListener(closed -> channels.remove(channel));
  }

  /** Sends the frame to every channel of the room; takes over one reference to it. */
  void broadcast(ByteBuf frame) {
    try {
      byLoop.forEach(
          (loop, channels) -> {
            List<Channel> targets = new ArrayList<>(channels);
            ByteBuf shared = frame.retain();
            try {
              loop.execute(() -> writeAll(shared, targets));
            } catch (RejectedExecutionException e) {
              // A loop that is shutting down will not run the task that releases it.
              shared.release();
              throw e;
            }
          });
    } finally {
      frame.release();
    }
  }

  private static void writeAll(ByteBuf frame, List<Channel> channels) {
    try {
      for (Channel channel : channels) {
        channel.write(frame.retainedDuplicate(), channel.voidPromise());
      }
      for (Channel channel : channels) {
        channel.flush();
      }
    } finally {
      frame.release();
    }
  }
}
