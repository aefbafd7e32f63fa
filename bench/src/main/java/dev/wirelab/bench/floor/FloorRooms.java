package dev.wirelab.bench.floor;

import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The floor server's rooms by name. */
final class FloorRooms {
  private final Map<String, FloorRoom> rooms = new ConcurrentHashMap<>();

  /** Puts the channel in the room and returns the room. */
  FloorRoom join(String room, Channel channel) {
    FloorRoom joined = rooms.computeIfAbsent(room, name -> new FloorRoom());
    joined.add(channel);
    return joined;
  }
}
