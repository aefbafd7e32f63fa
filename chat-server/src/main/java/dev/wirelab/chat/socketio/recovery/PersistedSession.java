package dev.wirelab.chat.socketio.recovery;

import java.util.Map;
import java.util.Set;

/**
 * What the server keeps of a socket that lost its connection, so that it can come back.
 *
 * @param sid the socket id, given back on recovery
 * @param pid the private session id the client proves itself with
 * @param rooms the rooms the socket was in, its own id room included
 * @param data the application's per-socket data
 * @param joinOffset the log offset when the socket first connected: where replay starts for a
 *     client that never received a logged packet and so has no offset of its own
 * @param disconnectedAtMillis when the connection was lost
 */
public record PersistedSession(
    String sid,
    String pid,
    Set<String> rooms,
    Map<String, Object> data,
    String joinOffset,
    long disconnectedAtMillis) {
  public PersistedSession {
    rooms = Set.copyOf(rooms);
    data = Map.copyOf(data);
  }
}
