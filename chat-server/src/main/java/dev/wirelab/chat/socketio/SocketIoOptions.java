package dev.wirelab.chat.socketio;

import dev.wirelab.chat.socketio.recovery.RecoveryOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link SocketIoServer}. Start from {@link #defaults()} and change what you need:
 * {@code SocketIoOptions.defaults().withConnectTimeout(Duration.ofSeconds(1))}.
 *
 * @param connectTimeout how long a new connection may take to join its first namespace
 * @param recovery connection state recovery, or null when it is off (the default)
 * @param maxEventsPerSecond events one connection may send per second on average (bursts up to the
 *     same number); beyond, the connection is closed with "rate limit exceeded"
 * @param maxAttachments binary attachments one packet may announce
 * @param adapterFactory creates each namespace's adapter
 * @param clock the time source of the recovery windows (tests use a settable one)
 */
public record SocketIoOptions(
    Duration connectTimeout,
    RecoveryOptions recovery,
    int maxEventsPerSecond,
    int maxAttachments,
    AdapterFactory adapterFactory,
    Clock clock) {

  public SocketIoOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(adapterFactory, "adapterFactory");
    Objects.requireNonNull(clock, "clock");
    if (maxEventsPerSecond < 1 || maxAttachments < 0) {
      throw new IllegalArgumentException(
          "maxEventsPerSecond must be positive, maxAttachments not negative");
    }
  }

  /**
   * The reference server's defaults (45 s connect timeout, no recovery), 1000 events/s, 10
   * attachments.
   */
  public static SocketIoOptions defaults() {
    return new SocketIoOptions(
        Duration.ofSeconds(45), null, 1000, 10, AdapterFactory.IN_MEMORY, Clock.systemUTC());
  }

  public SocketIoOptions withConnectTimeout(Duration timeout) {
    return new SocketIoOptions(
        timeout, recovery, maxEventsPerSecond, maxAttachments, adapterFactory, clock);
  }

  /** Turns connection state recovery on with these settings (null turns it off). */
  public SocketIoOptions withRecovery(RecoveryOptions options) {
    return new SocketIoOptions(
        connectTimeout, options, maxEventsPerSecond, maxAttachments, adapterFactory, clock);
  }

  public SocketIoOptions withMaxEventsPerSecond(int events) {
    return new SocketIoOptions(
        connectTimeout, recovery, events, maxAttachments, adapterFactory, clock);
  }

  public SocketIoOptions withMaxAttachments(int attachments) {
    return new SocketIoOptions(
        connectTimeout, recovery, maxEventsPerSecond, attachments, adapterFactory, clock);
  }

  public SocketIoOptions withAdapterFactory(AdapterFactory factory) {
    return new SocketIoOptions(
        connectTimeout, recovery, maxEventsPerSecond, maxAttachments, factory, clock);
  }

  public SocketIoOptions withClock(Clock time) {
    return new SocketIoOptions(
        connectTimeout, recovery, maxEventsPerSecond, maxAttachments, adapterFactory, time);
  }
}
