package dev.wirelab.chat.socketio.adapter;

import dev.wirelab.chat.socketio.protocol.EncodedPacket;
import java.util.Collection;

/** Hands one encoded packet to sockets connected to this server, looked up by their ids. */
@FunctionalInterface
public interface LocalDelivery {
  /**
   * Writes {@code packet} to each socket; a volatile packet is dropped where the connection cannot
   * take more data. Unknown ids are skipped: those sockets have just gone.
   */
  void deliver(Collection<String> socketIds, EncodedPacket packet, boolean isVolatile);
}
