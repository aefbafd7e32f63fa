package dev.wirelab.chat.engineio;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The settings of one Engine.IO server, immutable; defaults are those of the reference Node server,
 * and each {@code with...} method returns a changed copy.
 *
 * <p>Origins: with an empty allow-list only same-origin browser requests (Origin matching the Host
 * header) and requests without an Origin header (non-browser clients) are accepted; list origins
 * such as {@code "http://localhost:5173"} to allow them, or {@code "*"} to allow any. A refused
 * origin gets 403 {@code {"code":4,"message":"Forbidden"}}, for polling and WebSocket alike,
 * because browsers do not apply CORS to WebSocket.
 */
public final class EngineIoOptions {
  /** The two transports, in the order a client tries them. */
  public static final List<String> ALL_TRANSPORTS = List.of("polling", "websocket");

  private final long pingIntervalMillis;
  private final long pingTimeoutMillis;
  private final int maxPayload;
  private final long upgradeTimeoutMillis;
  private final Set<String> allowedOrigins;
  private final int maxConnections;
  private final long maxOutboundBytes;
  private final long maxTotalOutboundBytes;
  private final List<String> transports;
  private final String nodeTag;

  private EngineIoOptions(Draft draft) {
    requirePositive("pingInterval", draft.pingIntervalMillis);
    requirePositive("pingTimeout", draft.pingTimeoutMillis);
    requirePositive("maxPayload", draft.maxPayload);
    requirePositive("upgradeTimeout", draft.upgradeTimeoutMillis);
    requirePositive("maxConnections", draft.maxConnections);
    requirePositive("maxOutboundBytes", draft.maxOutboundBytes);
    requirePositive("maxTotalOutboundBytes", draft.maxTotalOutboundBytes);
    if (draft.transports.isEmpty() || !ALL_TRANSPORTS.containsAll(draft.transports)) {
      throw new IllegalArgumentException(
          "transports must be a non-empty subset of "
              + ALL_TRANSPORTS
              + ", not "
              + draft.transports);
    }
    this.pingIntervalMillis = draft.pingIntervalMillis;
    this.pingTimeoutMillis = draft.pingTimeoutMillis;
    this.maxPayload = draft.maxPayload;
    this.upgradeTimeoutMillis = draft.upgradeTimeoutMillis;
    this.allowedOrigins = Set.copyOf(draft.allowedOrigins);
    this.maxConnections = draft.maxConnections;
    this.maxOutboundBytes = draft.maxOutboundBytes;
    this.maxTotalOutboundBytes = draft.maxTotalOutboundBytes;
    this.transports = List.copyOf(draft.transports);
    this.nodeTag = SessionIds.requireNodeTag(draft.nodeTag);
  }

  /** The settings while a {@code with...} copy is being made; checked by the constructor. */
  private static final class Draft {
    long pingIntervalMillis = 25_000;
    long pingTimeoutMillis = 20_000;
    int maxPayload = 1_000_000;
    long upgradeTimeoutMillis = 10_000;
    Set<String> allowedOrigins = Set.of();
    int maxConnections = 10_000;
    long maxOutboundBytes = 4_000_000;
    long maxTotalOutboundBytes = 256_000_000;
    List<String> transports = ALL_TRANSPORTS;
    String nodeTag;

    /** The defaults, with a fresh random node tag. */
    Draft() {
      nodeTag = SessionIds.randomNodeTag();
    }

    /** The settings of {@code from}, to be changed. */
    Draft(EngineIoOptions from) {
      pingIntervalMillis = from.pingIntervalMillis;
      pingTimeoutMillis = from.pingTimeoutMillis;
      maxPayload = from.maxPayload;
      upgradeTimeoutMillis = from.upgradeTimeoutMillis;
      allowedOrigins = from.allowedOrigins;
      maxConnections = from.maxConnections;
      maxOutboundBytes = from.maxOutboundBytes;
      maxTotalOutboundBytes = from.maxTotalOutboundBytes;
      transports = from.transports;
      nodeTag = from.nodeTag;
    }
  }

  /** A copy with {@code change} applied to these settings. */
  private EngineIoOptions with(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return new EngineIoOptions(draft);
  }

  /**
   * pingInterval 25 s, pingTimeout 20 s, maxPayload 1 MB, upgradeTimeout 10 s, same-origin only, 10
   * 000 connections, 4 MB outbound per session and 256 MB for all, both transports, a random node
   * tag.
   */
  public static EngineIoOptions defaults() {
    return new EngineIoOptions(new Draft());
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, not " + value);
    }
  }

  public long pingIntervalMillis() {
    return pingIntervalMillis;
  }

  public long pingTimeoutMillis() {
    return pingTimeoutMillis;
  }

  /** The largest message (WebSocket) or payload (polling POST) accepted, in bytes. */
  public int maxPayload() {
    return maxPayload;
  }

  public long upgradeTimeoutMillis() {
    return upgradeTimeoutMillis;
  }

  public Set<String> allowedOrigins() {
    return allowedOrigins;
  }

  public int maxConnections() {
    return maxConnections;
  }

  /** How much may wait for one slow client before the server disconnects it. */
  public long maxOutboundBytes() {
    return maxOutboundBytes;
  }

  /**
   * How much may wait for all WebSocket clients together: past it, the clients holding more than
   * their share are disconnected, so a thousand slow readers cannot pin a thousand times {@link
   * #maxOutboundBytes()}.
   */
  public long maxTotalOutboundBytes() {
    return maxTotalOutboundBytes;
  }

  public List<String> transports() {
    return transports;
  }

  /**
   * The first {@value SessionIds#NODE_TAG_LENGTH} characters of every session id this server gives
   * out, so that a load balancer can send each request of a polling client to the node that holds
   * its session ({@code ./wirelab lb}, or nginx's {@code map $arg_sid}).
   */
  public String nodeTag() {
    return nodeTag;
  }

  public EngineIoOptions withPingInterval(long millis) {
    return with(draft -> draft.pingIntervalMillis = millis);
  }

  public EngineIoOptions withPingTimeout(long millis) {
    return with(draft -> draft.pingTimeoutMillis = millis);
  }

  public EngineIoOptions withMaxPayload(int bytes) {
    return with(draft -> draft.maxPayload = bytes);
  }

  public EngineIoOptions withUpgradeTimeout(long millis) {
    return with(draft -> draft.upgradeTimeoutMillis = millis);
  }

  /** Origins allowed besides the same origin; {@code "*"} allows every origin. */
  public EngineIoOptions withAllowedOrigins(String... origins) {
    return with(draft -> draft.allowedOrigins = Set.of(origins));
  }

  public EngineIoOptions withMaxConnections(int connections) {
    return with(draft -> draft.maxConnections = connections);
  }

  public EngineIoOptions withMaxOutboundBytes(long bytes) {
    return with(draft -> draft.maxOutboundBytes = bytes);
  }

  public EngineIoOptions withMaxTotalOutboundBytes(long bytes) {
    return with(draft -> draft.maxTotalOutboundBytes = bytes);
  }

  /** Which transports clients may use, e.g. {@code "websocket"} alone. */
  public EngineIoOptions withTransports(String... names) {
    return with(draft -> draft.transports = List.of(names));
  }

  /** The node tag of this server's session ids: 4 characters of {@code A-Z a-z 0-9 _ -}. */
  public EngineIoOptions withNodeTag(String tag) {
    return with(draft -> draft.nodeTag = tag);
  }

  @Override
  public String toString() {
    return "pingInterval="
        + pingIntervalMillis
        + "ms pingTimeout="
        + pingTimeoutMillis
        + "ms maxPayload="
        + maxPayload
        + " upgradeTimeout="
        + upgradeTimeoutMillis
        + "ms origins="
        + (allowedOrigins.isEmpty() ? "same-origin" : allowedOrigins)
        + " maxConnections="
        + maxConnections
        + " maxOutboundBytes="
        + maxOutboundBytes
        + " maxTotalOutboundBytes="
        + maxTotalOutboundBytes
        + " transports="
        + transports
        + " nodeTag="
        + nodeTag;
  }
}
