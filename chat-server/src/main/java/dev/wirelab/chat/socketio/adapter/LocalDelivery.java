package dev.wirelab.chat.socketio.adapter;

import dev.wirelab.chat.socketio.protocol.EncodedPacket;

/** Hands an encoded packet to one socket connected to this server, looked up by its id. */
@FunctionalInterface
public interface LocalDelivery {
  /**
   * Writes {@code packet} to the socket; a volatile packet is dropped when its connection cannot
   * take more data. Unknown ids are ignored: the socket has just gone.
   */
  void deliver(String socketId, EncodedPacket packet, boolean isVolatile);
}
