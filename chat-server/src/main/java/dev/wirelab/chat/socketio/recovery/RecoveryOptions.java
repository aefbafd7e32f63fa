package dev.wirelab.chat.socketio.recovery;

import java.time.Duration;

/**
 * Connection state recovery settings: how long a disconnected session is kept, and how much the
 * packet log may hold. Both bounds together cap the memory recovery can use.
 *
 * @param maxDisconnectionDuration how long after a disconnection the client may come back
 * @param maxLoggedPackets how many broadcast packets each namespace keeps for replay
 * @param maxSessions how many disconnected sessions each namespace keeps at most
 * @param skipMiddlewares whether a recovered socket skips the namespace middlewares
 */
public record RecoveryOptions(
    Duration maxDisconnectionDuration,
    int maxLoggedPackets,
    int maxSessions,
    boolean skipMiddlewares) {

  public RecoveryOptions {
    if (maxDisconnectionDuration.isNegative() || maxDisconnectionDuration.isZero()) {
      throw new IllegalArgumentException("maxDisconnectionDuration must be positive");
    }
    if (maxLoggedPackets < 1 || maxSessions < 1) {
      throw new IllegalArgumentException("maxLoggedPackets and maxSessions must be at least 1");
    }
  }

  /** The reference server's defaults: two minutes, middlewares skipped; 10 000 packets/sessions. */
  public static RecoveryOptions defaults() {
    return new RecoveryOptions(Duration.ofMinutes(2), 10_000, 10_000, true);
  }

  public RecoveryOptions withMaxDisconnectionDuration(Duration duration) {
    return new RecoveryOptions(duration, maxLoggedPackets, maxSessions, skipMiddlewares);
  }

  public RecoveryOptions withMaxLoggedPackets(int packets) {
    return new RecoveryOptions(maxDisconnectionDuration, packets, maxSessions, skipMiddlewares);
  }

  public RecoveryOptions withMaxSessions(int sessions) {
    return new RecoveryOptions(
        maxDisconnectionDuration, maxLoggedPackets, sessions, skipMiddlewares);
  }

  public RecoveryOptions withSkipMiddlewares(boolean skip) {
    return new RecoveryOptions(maxDisconnectionDuration, maxLoggedPackets, maxSessions, skip);
  }
}
