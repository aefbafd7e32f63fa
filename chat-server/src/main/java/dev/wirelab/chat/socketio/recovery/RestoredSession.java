package dev.wirelab.chat.socketio.recovery;

import dev.wirelab.chat.socketio.protocol.EncodedPacket;
import java.util.List;

/**
 * A session given back to a returning client, with every packet it missed, oldest first.
 *
 * @param session the session as it was at disconnection
 * @param missed the logged packets for its rooms newer than the client's offset
 */
public record RestoredSession(PersistedSession session, List<EncodedPacket> missed) {
  public RestoredSession {
    missed = List.copyOf(missed);
  }
}
