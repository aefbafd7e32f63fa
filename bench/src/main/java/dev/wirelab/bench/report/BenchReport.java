package dev.wirelab.bench.report;

import java.util.Map;

/**
 * The outcome of one {@code ./wirelab bench chat} run; printed as a table or as JSON.
 *
 * @param mode "chat" or "idle"
 * @param warmupSeconds how long senders sent before the measurement (not counted)
 * @param connected clients that joined the room
 * @param connectErrors clients that did not, within the connect timeout
 * @param firstError why the first one failed (connect or later), or null
 * @param connectTime from TCP connect to the join ack
 * @param sent chat messages sent
 * @param expected deliveries that should arrive: sent × members of the room
 * @param received deliveries that arrived before the drain period ended
 * @param lost expected − received
 * @param disconnects joined clients that lost their connection during the run
 * @param deliveriesPerSecond received / time from the start to the last delivery
 * @param expectedPerSecond senders × rate × clients
 * @param latency scheduled send time to arrival
 * @param serverCpuMicrosPerDelivery the server's CPU time over the run / received, or null
 * @param generatorCpuMicrosPerDelivery this generator's own CPU time over the run / received, to
 *     show whether the generator rather than the server was the limit
 * @param serverRssBytesPerConnection the server's RSS growth from before connecting / connected, or
 *     null
 * @param serverRssEndKb the server's RSS when the run ended (after the drain), in KiB, or null:
 *     whether memory stays bounded under overload
 * @param otherCpuMicrosPerDelivery CPU time over the run / received of each {@code --also-pid}
 *     process (another node of a cluster, Redis), by pid
 */
public record BenchReport(
    String url,
    String mode,
    int clients,
    int senders,
    int rate,
    double durationSeconds,
    double warmupSeconds,
    int connected,
    int connectErrors,
    String firstError,
    Percentiles connectTime,
    long sent,
    long expected,
    long received,
    long lost,
    long disconnects,
    double deliveriesPerSecond,
    long expectedPerSecond,
    Percentiles latency,
    Double serverCpuMicrosPerDelivery,
    Double generatorCpuMicrosPerDelivery,
    Long serverRssBytesPerConnection,
    Long serverRssEndKb,
    Map<Long, Double> otherCpuMicrosPerDelivery) {}
