package dev.wirelab.labs.lab09;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one consumer measured: each event's latency (produced to received), how many requests it
 * made, and the bytes its socket sent and received.
 */
record Delivery(
    String method,
    Map<Integer, Long> latencyMicrosById,
    int requests,
    long bytesSent,
    long bytesReceived) {

  Delivery {
    latencyMicrosById = new TreeMap<>(latencyMicrosById);
  }

  double meanLatencyMillis() {
    return latencyMicrosById.values().stream()
            .mapToLong(Long::longValue)
            .average()
            .orElse(Double.NaN)
        / 1000.0;
  }

  double maxLatencyMillis() {
    return latencyMicrosById.values().stream().mapToLong(Long::longValue).max().orElse(0) / 1000.0;
  }

  long bytesOnTheWire() {
    return bytesSent + bytesReceived;
  }

  double bytesPerEvent() {
    return (double) bytesOnTheWire() / latencyMicrosById.size();
  }
}
