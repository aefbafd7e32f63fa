package dev.wirelab.bench.report;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints a {@link BenchReport} for people: one labelled line per measure. */
public final class ReportTable {
  private ReportTable() {}

  public static void print(BenchReport r, PrintWriter out) {
    line(out, "target", r.url());
    line(
        out,
        "run",
        r.mode().equals("idle")
            ? r.clients() + " idle clients held for " + seconds(r.durationSeconds())
            : r.clients()
                + " clients, "
                + r.senders()
                + " senders × "
                + r.rate()
                + " msg/s for "
                + seconds(r.durationSeconds())
                + (r.warmupSeconds() > 0
                    ? " after a " + seconds(r.warmupSeconds()) + " warm-up"
                    : ""));
    line(out, "connected", r.connected() + " (" + r.connectErrors() + " errors)");
    if (r.firstError() != null) {
      line(out, "first error", r.firstError());
    }
    line(out, "connect time", millis(r.connectTime()));
    line(out, "disconnects", r.disconnects() + " during the run");
    if (r.mode().equals("chat")) {
      line(
          out,
          "deliveries/s",
          format("%,.0f of %,d expected", r.deliveriesPerSecond(), r.expectedPerSecond()));
      line(
          out,
          "deliveries",
          format(
              "%,d of %,d expected (%d messages sent), lost %,d",
              r.received(), r.expected(), r.sent(), r.lost()));
      line(out, "latency", millis(r.latency()));
      line(
          out,
          "server CPU",
          r.serverCpuMicrosPerDelivery() == null
              ? "n/a (no --pid)"
              : format("%.2f µs per delivery", r.serverCpuMicrosPerDelivery()));
      if (r.generatorCpuMicrosPerDelivery() != null) {
        line(
            out,
            "generator CPU",
            format("%.2f µs per delivery", r.generatorCpuMicrosPerDelivery()));
      }
    }
    line(
        out,
        "server RSS",
        r.serverRssBytesPerConnection() == null
            ? "n/a (no --pid)"
            : format(
                "%,d bytes per connection, %,d KiB in all at the end",
                r.serverRssBytesPerConnection(), r.serverRssEndKb()));
    out.flush();
  }

  private static String millis(Percentiles p) {
    return format(
        "p50 %.2f ms, p99 %.2f ms, max %.2f ms (%,d samples)",
        p.p50Millis(), p.p99Millis(), p.maxMillis(), p.count());
  }

  private static String seconds(double value) {
    return format("%.1f s", value);
  }

  private static void line(PrintWriter out, String label, String value) {
    out.printf("%-14s %s%n", label, value);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
