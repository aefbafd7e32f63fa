package dev.wirelab.labs.lab09;

import dev.wirelab.labs.support.ByteCounter;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints the two deliveries side by side: latency per event, then requests and bytes. */
final class ResultTable {
  private final PrintWriter out;

  ResultTable(PrintWriter out) {
    this.out = out;
  }

  void printLatencies(Delivery polling, Delivery push) {
    out.printf(Locale.ROOT, "%n%-7s %18s %18s%n", "event", "polling latency", "push latency");
    for (Integer id : polling.latencyMicrosById().keySet()) {
      out.printf(
          Locale.ROOT,
          "%-7d %15.1f ms %15.1f ms%n",
          id,
          polling.latencyMicrosById().get(id) / 1000.0,
          push.latencyMicrosById().getOrDefault(id, 0L) / 1000.0);
    }
    out.printf(
        Locale.ROOT,
        "%-7s %15.1f ms %15.1f ms%n",
        "mean",
        polling.meanLatencyMillis(),
        push.meanLatencyMillis());
    out.printf(
        Locale.ROOT,
        "%-7s %15.1f ms %15.1f ms%n",
        "max",
        polling.maxLatencyMillis(),
        push.maxLatencyMillis());
  }

  void printBytes(Delivery polling, Delivery push) {
    out.printf(
        Locale.ROOT,
        "%n%-28s %8s %12s %12s %12s%n",
        "bytes counted at the socket",
        "requests",
        "client sent",
        "client recv",
        "per event");
    for (Delivery delivery : new Delivery[] {polling, push}) {
      out.printf(
          Locale.ROOT,
          "%-28s %8d %12d %12d %12.1f%n",
          delivery.method(),
          delivery.requests(),
          delivery.bytesSent(),
          delivery.bytesReceived(),
          delivery.bytesPerEvent());
    }
    out.flush();
  }

  /**
   * The server counted its own sockets: its received must be the client's sent, and the other way
   * round.
   */
  void printServerCheck(Delivery delivery, ByteCounter server) {
    boolean same =
        server.received() == delivery.bytesSent() && server.sent() == delivery.bytesReceived();
    out.printf(
        Locale.ROOT,
        "server side, %s: received %d, sent %d bytes -> %s%n",
        delivery.method(),
        server.received(),
        server.sent(),
        same ? "the same bytes the client counted" : "DIFFERENT from the client's count");
    out.flush();
  }
}
