package dev.wirelab.bench.floor;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The floor server's rooms: one Netty channel group each, which forgets a channel that closes. */
final class FloorRooms {
  private final Map<String, ChannelGroup> rooms = new ConcurrentHashMap<>();

  /** Puts the channel in the room and returns the room. */
  ChannelGroup join(String room, Channel channel) {
    ChannelGroup group =
        rooms.computeIfAbsent(
            room, name -> new DefaultChannelGroup(name, ImmediateEventExecutor.INSTANCE));
    group.add(channel);
    return group;
  }
}
