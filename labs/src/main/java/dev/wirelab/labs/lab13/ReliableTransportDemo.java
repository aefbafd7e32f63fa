package dev.wirelab.labs.lab13;

import dev.wirelab.labs.lab13.SlidingWindowSender.Strategy;
import dev.wirelab.labs.support.Narrator;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The demo's story: stop-and-wait, Go-Back-N, selective repeat, then the goodput sweep. */
final class ReliableTransportDemo {
  private static final int SEGMENT_BYTES = 16;
  private static final String MESSAGE =
      "Every byte once, in order, over a link that loses, duplicates and corrupts. ";
  private static final int WINDOW = 4;

  private final LinkConditions conditions;
  private final PrintWriter out;
  private final Narrator narrator;
  private final Path outDirectory;
  private final Clock clock;

  /** Part 2's ports, for its capture. */
  private LinkExperiment.Outcome lastPorts;

  ReliableTransportDemo(
      LinkConditions conditions,
      PrintWriter out,
      Narrator narrator,
      Path outDirectory,
      Clock clock) {
    this.conditions = conditions;
    this.out = out;
    this.narrator = narrator;
    this.outDirectory = outDirectory;
    this.clock = clock;
  }

  void run() throws Exception {
    byte[] message = MESSAGE.getBytes(StandardCharsets.US_ASCII);
    narrator.heading("1. Stop-and-wait: one segment in flight, a timer, a checksum");
    Transfer stopAndWait = transfer(Strategy.GO_BACK_N, 1, message, null);

    byte[] longer =
        (MESSAGE + MESSAGE).substring(0, 8 * SEGMENT_BYTES).getBytes(StandardCharsets.US_ASCII);
    narrator.heading("2. Go-Back-N, window " + WINDOW + ": a timeout sends the whole window again");
    LinkCapture capture = new LinkCapture(clock);
    Transfer goBackN = transfer(Strategy.GO_BACK_N, WINDOW, longer, capture);

    narrator.heading("3. Selective repeat, window " + WINDOW + ": only the missing one again");
    Transfer selective = transfer(Strategy.SELECTIVE_REPEAT, WINDOW, longer, null);
    narrator
        .as("lab")
        .say(
            "datagrams sent for the segments: stop-and-wait %d for %d, " + "Go-Back-N %d for %d,",
            stopAndWait.transmissions(),
            stopAndWait.segments(),
            goBackN.transmissions(),
            goBackN.segments());
    narrator
        .as("lab")
        .say("selective repeat %d for %d", selective.transmissions(), selective.segments());

    narrator.heading(
        "4. Goodput: "
            + GoodputSweep.BYTES / 1024
            + " KiB in "
            + GoodputSweep.SEGMENT_BYTES
            + "-byte segments, one thing changed at a time");
    List<Panel> panels = new GoodputSweep(conditions.seed()).run();
    for (Panel panel : panels) {
      out.println();
      GoodputChart.terminal(panel).forEach(out::println);
    }
    out.flush();
    Path chart = outDirectory.resolve(Lab13ReliableTransport.CHART_FILE);
    Files.writeString(
        chart,
        GoodputChart.svg(
            "Goodput of Go-Back-N and selective repeat " + "over the lossy link", panels),
        StandardCharsets.UTF_8);
    narrator.as("lab").say("wrote %s: the charts, for a projector", chart);

    narrator.heading("5. Part 2 on the wire: a capture for the inspector");
    Path pcap = outDirectory.resolve(Lab13ReliableTransport.CAPTURE_FILE);
    capture.write(pcap, lastPorts.senderPort(), lastPorts.receiverPort());
    narrator.as("lab").say("wrote %s: %d datagrams, lost ones included", pcap, capture.size());
    narrator.as("lab").say("try: ./wirelab inspect %s --hex", pcap);
  }

  private Transfer transfer(Strategy strategy, int window, byte[] data, LinkCapture capture)
      throws Exception {
    long timeout = GoodputSweep.timeoutFor(conditions.roundTripMillis());
    narrator
        .as("lab")
        .say(
            "%d bytes in %d-byte segments, %s, window %d, timer %d ms",
            data.length, SEGMENT_BYTES, strategy.title, window, timeout);
    LinkTally tally = new LinkTally(narrator.as("link")::say);
    LinkExperiment experiment =
        new LinkExperiment(conditions, strategy == Strategy.GO_BACK_N ? 1 : window)
            .watchedBy(tally)
            .receiverTells(narrator.as("receiver")::say);
    if (capture != null) {
      experiment.watchedBy(capture);
    }
    SlidingWindowSender sender =
        new SlidingWindowSender(strategy, window, timeout, narrator.as("sender")::say);
    LinkExperiment.Outcome outcome = experiment.run(sender, data, SEGMENT_BYTES);
    if (capture != null) {
      lastPorts = outcome;
    }
    narrator.as("lab").say("%s", Lab13ReliableTransport.summary(outcome.transfer()));
    narrator.as("lab").say("the link: %s", tally);
    narrator
        .as("lab")
        .say(
            "the receiver got %s",
            outcome.intact()
                ? "every byte once, in order"
                : "DIFFERENT BYTES: the protocol is broken");
    return outcome.transfer();
  }
}
