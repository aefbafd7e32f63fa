package dev.wirelab.chat.socketio.adapter;

import dev.wirelab.chat.socketio.recovery.PersistedSession;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Disconnected sessions by private id, oldest first: each kept at most {@code maxAgeMillis}, and at
 * most {@code maxSessions} of them (the oldest goes first).
 *
 * <p>Not thread-safe: the adapter guards it with its broadcast lock.
 */
final class SessionStore {
  private final LinkedHashMap<String, PersistedSession> byPid = new LinkedHashMap<>();
  private final int maxSessions;
  private final long maxAgeMillis;

  SessionStore(int maxSessions, long maxAgeMillis) {
    this.maxSessions = maxSessions;
    this.maxAgeMillis = maxAgeMillis;
  }

  void put(PersistedSession session, long nowMillis) {
    evictExpired(nowMillis);
    byPid.put(session.pid(), session);
    if (byPid.size() > maxSessions) {
      Iterator<PersistedSession> oldest = byPid.values().iterator();
      oldest.next();
      oldest.remove();
    }
  }

  /** Removes and returns the session, if it is still within its window. */
  Optional<PersistedSession> take(String pid, long nowMillis) {
    evictExpired(nowMillis);
    return Optional.ofNullable(byPid.remove(pid));
  }

  private void evictExpired(long nowMillis) {
    Iterator<PersistedSession> sessions = byPid.values().iterator();
    while (sessions.hasNext()
        && sessions.next().disconnectedAtMillis() + maxAgeMillis < nowMillis) {
      sessions.remove();
    }
  }
}
