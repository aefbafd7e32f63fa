package dev.wirelab.inspector.app;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the Engine.IO session a request belongs to by the {@code sid} in its URI, so that packets
 * split over several polling connections (a binary event and its attachment) are put together.
 * Bounded: the least recently used sessions are forgotten first.
 */
final class EngineIoSessions {
  private static final int MAX_SESSIONS = 4096;

  private final Map<String, EngineIoSession> bySid =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EngineIoSession> eldest) {
          return size() > MAX_SESSIONS;
        }
      };

  /**
   * Whether a request URI belongs to Engine.IO: the default {@code /socket.io/} path or an {@code
   * EIO=} query.
   */
  static boolean isEngineIo(String uri) {
    return uri != null
        && (uri.contains("/socket.io/") || uri.contains("?EIO=") || uri.contains("&EIO="));
  }

  /**
   * The session named by the URI's {@code sid}, or a new one for the handshake that has none yet.
   */
  EngineIoSession forUri(String uri) {
    String sid = queryParameter(uri, "sid");
    return sid == null
        ? new EngineIoSession()
        : bySid.computeIfAbsent(sid, s -> new EngineIoSession());
  }

  private static String queryParameter(String uri, String name) {
    int query = uri.indexOf('?');
    if (query < 0) {
      return null;
    }
    for (String pair : uri.substring(query + 1).split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }
}
