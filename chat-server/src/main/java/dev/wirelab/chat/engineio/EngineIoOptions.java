package dev.wirelab.chat.engineio;

import java.util.List;
import java.util.Set;

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

  private EngineIoOptions(
      long pingIntervalMillis,
      long pingTimeoutMillis,
      int maxPayload,
      long upgradeTimeoutMillis,
      Set<String> allowedOrigins,
      int maxConnections,
      long maxOutboundBytes,
      long maxTotalOutboundBytes,
      List<String> transports,
      String nodeTag) {
    requirePositive("pingInterval", pingIntervalMillis);
    requirePositive("pingTimeout", pingTimeoutMillis);
    requirePositive("maxPayload", maxPayload);
    requirePositive("upgradeTimeout", upgradeTimeoutMillis);
    requirePositive("maxConnections", maxConnections);
    requirePositive("maxOutboundBytes", maxOutboundBytes);
    requirePositive("maxTotalOutboundBytes", maxTotalOutboundBytes);
    if (transports.isEmpty() || !ALL_TRANSPORTS.containsAll(transports)) {
      throw new IllegalArgumentException(
          "transports must be a non-empty subset of " + ALL_TRANSPORTS + ", not " + transports);
    }
    this.pingIntervalMillis = pingIntervalMillis;
    this.pingTimeoutMillis = pingTimeoutMillis;
    this.maxPayload = maxPayload;
    this.upgradeTimeoutMillis = upgradeTimeoutMillis;
    this.allowedOrigins = Set.copyOf(allowedOrigins);
    this.maxConnections = maxConnections;
    this.maxOutboundBytes = maxOutboundBytes;
    this.maxTotalOutboundBytes = maxTotalOutboundBytes;
    this.transports = List.copyOf(transports);
    this.nodeTag = SessionIds.requireNodeTag(nodeTag);
  }

  /**
   * pingInterval 25 s, pingTimeout 20 s, maxPayload 1 MB, upgradeTimeout 10 s, same-origin only, 10
   * 000 connections, 4 MB outbound per session and 256 MB for all, both transports, a random node
   * tag.
   */
  public static EngineIoOptions defaults() {
    return new EngineIoOptions(
        25_000,
        20_000,
        1_000_000,
        10_000,
        Set.of(),
        10_000,
        4_000_000,
        256_000_000,
        ALL_TRANSPORTS,
        SessionIds.randomNodeTag());
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
    return new EngineIoOptions(
        millis,
        pingTimeoutMillis,
        maxPayload,
        upgradeTimeoutMillis,
        allowedOrigins,
        maxConnections,
        maxOutboundBytes,
        maxTotalOutboundBytes,
        transports,
        nodeTag);
  }

  public EngineIoOptions withPingTimeout(long millis) {
    return new EngineIoOptions(
        pingIntervalMillis,
        millis,
        maxPayload,
        upgradeTimeoutMillis,
        allowedOrigins,
        maxConnections,
        maxOutboundBytes,
        maxTotalOutboundBytes,
        transports,
        nodeTag);
  }

  public EngineIoOptions withMaxPayload(int bytes) {
    return new EngineIoOptions(
        pingIntervalMillis,
        pingTimeoutMillis,
        bytes,
        upgradeTimeoutMillis,
        allowedOrigins,
        maxConnections,
        maxOutboundBytes,
        maxTotalOutboundBytes,
        transports,
        nodeTag);
  }

  public EngineIoOptions withUpgradeTimeout(long millis) {
    return new EngineIoOptions(
        pingIntervalMillis,
        pingTimeoutMillis,
        maxPayload,
        millis,
        allowedOrigins,
        maxConnections,
        maxOutboundBytes,
        maxTotalOutboundBytes,
        transports,
        nodeTag);
  }

  /** Origins allowed besides the same origin; {@code "*"} allows every origin. */
  public EngineIoOptions withAllowedOrigins(String... origins) {
    return new EngineIoOptions(
        pingIntervalMillis,
        pingTimeoutMillis,
        maxPayload,
        upgradeTimeoutMillis,
        Set.of(origins),
        maxConnections,
        maxOutboundBytes,
        maxTotalOutboundBytes,
        transports,
        nodeTag);
  }

  public EngineIoOptions withMaxConnections(int connections) {
    return new EngineIoOptions(
        pingIntervalMillis,
        pingTimeoutMillis,
        maxPayload,
        upgradeTimeoutMillis,
        allowedOrigins,
        connections,
        maxOutboundBytes,
        maxTotalOutboundBytes,
        transports,
        nodeTag);
  }

  public EngineIoOptions withMaxOutboundBytes(long bytes) {
    return new EngineIoOptions(
        pingIntervalMillis,
        pingTimeoutMillis,
        maxPayload,
        upgradeTimeoutMillis,
        allowedOrigins,
        maxConnections,
        bytes,
        maxTotalOutboundBytes,
        transports,
        nodeTag);
  }

  public EngineIoOptions withMaxTotalOutboundBytes(long bytes) {
    return new EngineIoOptions(
        pingIntervalMillis,
        pingTimeoutMillis,
        maxPayload,
        upgradeTimeoutMillis,
        allowedOrigins,
        maxConnections,
        maxOutboundBytes,
        bytes,
        transports,
        nodeTag);
  }

  /** Which transports clients may use, e.g. {@code "websocket"} alone. */
  public EngineIoOptions withTransports(String... names) {
    return new EngineIoOptions(
        pingIntervalMillis,
        pingTimeoutMillis,
        maxPayload,
        upgradeTimeoutMillis,
        allowedOrigins,
        maxConnections,
        maxOutboundBytes,
        maxTotalOutboundBytes,
        List.of(names),
        nodeTag);
  }

  /** The node tag of this server's session ids: 4 characters of {@code A-Z a-z 0-9 _ -}. */
  public EngineIoOptions withNodeTag(String tag) {
    return new EngineIoOptions(
        pingIntervalMillis,
        pingTimeoutMillis,
        maxPayload,
        upgradeTimeoutMillis,
        allowedOrigins,
        maxConnections,
        maxOutboundBytes,
        maxTotalOutboundBytes,
        transports,
        tag);
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
