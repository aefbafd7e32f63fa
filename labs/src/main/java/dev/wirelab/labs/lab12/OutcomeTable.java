package dev.wirelab.labs.lab12;

import java.io.PrintWriter;
import java.util.List;

/** Prints the experiment's results: one row per strategy, then the two uplink runs. */
final class OutcomeTable {
  private final PrintWriter out;

  OutcomeTable(PrintWriter out) {
    this.out = out;
  }

  void printDownlink(List<Outcome> outcomes) {
    out.printf(
        "%n%-30s %5s %9s %5s %10s %11s %13s%n",
        "server -> client", "sent", "received", "lost", "recovered", "duplicated", "same session");
    for (Outcome o : outcomes) {
      out.printf(
          "%-30s %5d %9d %5d %10d %11d %13s%n",
          o.strategy().title,
          o.sent(),
          o.received(),
          o.lost(),
          o.recovered(),
          o.duplicated(),
          o.resumed());
    }
    out.flush();
  }

  void printUplink(List<UplinkExperiment.Result> results) {
    out.printf(
        "%n%-30s %5s %9s %5s %11s%n",
        "client -> server, retried", "notes", "sends", "stored", "duplicated");
    for (UplinkExperiment.Result r : results) {
      out.printf(
          "%-30s %5d %9d %6d %11d%n",
          r.dedupe() ? "3 ids + dedupe (exactly once)" : "  retries without dedupe",
          r.notes(),
          r.sends(),
          r.stored(),
          r.duplicated());
    }
    out.flush();
  }
}
