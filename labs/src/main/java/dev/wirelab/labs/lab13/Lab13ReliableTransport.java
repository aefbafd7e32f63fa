package dev.wirelab.labs.lab13;

import dev.wirelab.common.cli.UserError;
import dev.wirelab.labs.lab13.SlidingWindowSender.Strategy;
import dev.wirelab.labs.support.BadOption;
import dev.wirelab.labs.support.LabEndpoint;
import dev.wirelab.labs.support.LabMode;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.LanHint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ProjectorWriter;
import java.io.PrintWriter;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lab 13: run {@code ./wirelab lab 13 demo} and watch stop-and-wait, Go-Back-N and selective repeat
 * get every byte through a link that loses, duplicates, reorders and corrupts datagrams.
 */
@Command(
    name = "13",
    description =
        "Reliable transport over a lossy link: stop-and-wait, Go-Back-N and selective "
            + "repeat over UDP, and their goodput against window, loss and round trip.",
    mixinStandardHelpOptions = true)
public final class Lab13ReliableTransport implements Callable<Integer> {
  /** The seed of the page's run: it loses, corrupts and duplicates something in every part. */
  static final long DEMO_SEED = 17;

  static final String CHART_FILE = "lab13-goodput.svg";
  static final String CAPTURE_FILE = "lab13.pcap";

  @Mixin LabEndpoint endpoint;

  @Option(
      names = "--loss",
      paramLabel = "PERCENT",
      defaultValue = "10",
      description = "link: datagrams lost, in percent (default: ${DEFAULT-VALUE})")
  double loss;

  @Option(
      names = "--duplicate",
      paramLabel = "PERCENT",
      defaultValue = "5",
      description = "link: datagrams delivered twice, in percent (default: ${DEFAULT-VALUE})")
  double duplicate;

  @Option(
      names = "--reorder",
      paramLabel = "PERCENT",
      defaultValue = "5",
      description = "link: datagrams held back so later ones overtake (default: ${DEFAULT-VALUE})")
  double reorder;

  @Option(
      names = "--corrupt",
      paramLabel = "PERCENT",
      defaultValue = "5",
      description = "link: datagrams with one bit flipped, in percent (default: ${DEFAULT-VALUE})")
  double corrupt;

  @Option(
      names = "--delay-ms",
      paramLabel = "MS",
      defaultValue = "5",
      description = "link: one-way delay; the round trip is twice this (default: ${DEFAULT-VALUE})")
  long delayMillis;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "" + DEMO_SEED,
      description = "link: seed of its choices; same seed, same fates (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--strategy",
      paramLabel = "S",
      defaultValue = "SELECTIVE_REPEAT",
      description = "client: GO_BACK_N or SELECTIVE_REPEAT (default: ${DEFAULT-VALUE})")
  Strategy strategy;

  @Option(
      names = "--window",
      paramLabel = "N",
      defaultValue = "8",
      description = "segments in flight; 1 = stop-and-wait (default: ${DEFAULT-VALUE})")
  int window;

  @Option(
      names = "--timeout-ms",
      paramLabel = "MS",
      description = "client: retransmission timer (default: 2 x round trip + 10)")
  Long timeoutMillis;

  @Option(
      names = "--bytes",
      paramLabel = "N",
      defaultValue = "65536",
      description = "client: bytes to send (default: ${DEFAULT-VALUE})")
  int bytes;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = ".",
      description =
          "demo: where to write "
              + CHART_FILE
              + " and "
              + CAPTURE_FILE
              + " (default: the current directory)")
  Path outDirectory;

  @Spec CommandSpec spec;

  private final Clock clock;

  public Lab13ReliableTransport() {
    this(Clock.systemUTC());
  }

  Lab13ReliableTransport(Clock clock) {
    this.clock = clock;
  }

  public static void main(String[] args) {
    LabRunner.main(new Lab13ReliableTransport(), args);
  }

  @Override
  public Integer call() throws Exception {
    validate();
    PrintWriter out = ProjectorWriter.out(spec);
    out.println(settings());
    Narrator narrator = new Narrator(out, endpoint.mode().name());
    switch (endpoint.mode()) {
      case server -> serve(narrator);
      case client -> send(narrator.as("sender"));
      case demo ->
          new ReliableTransportDemo(conditions(), out, narrator, outDirectory, clock).run();
    }
    return 0;
  }

  private LinkConditions conditions() {
    return new LinkConditions(loss, duplicate, reorder, corrupt, delayMillis, seed);
  }

  private long timeout() {
    return timeoutMillis != null ? timeoutMillis : GoodputSweep.timeoutFor(2 * delayMillis);
  }

  /** Two lines, to fit a projector: the lab's own settings, then the link's. */
  private String settings() {
    StringBuilder line = new StringBuilder("lab 13 Reliable transport: " + endpoint);
    switch (endpoint.mode()) {
      case client ->
          line.append(
              String.format(
                  Locale.ROOT,
                  " strategy=%s window=%d timeout-ms=%d bytes=%d",
                  strategy,
                  window,
                  timeout(),
                  bytes));
      case server -> line.append(" window=").append(window);
      case demo -> line.append(" out=").append(outDirectory);
    }
    if (endpoint.mode() != LabMode.client) {
      line.append(System.lineSeparator()).append("link: ").append(conditions());
    }
    return line.toString();
  }

  private void validate() {
    for (double percent : new double[] {loss, duplicate, reorder, corrupt}) {
      if (percent < 0 || percent > 100) {
        throw BadOption.because(
            "--loss, --duplicate, --reorder and --corrupt are percentages "
                + "from 0 to 100, not "
                + percent);
      }
    }
    if (loss == 100) {
      throw BadOption.because("--loss 100 loses everything: no protocol can get a byte through");
    }
    if (window < 1 || window > 1024) {
      throw BadOption.because("--window is 1 to 1024 segments, not " + window);
    }
    if (delayMillis < 0 || delayMillis > 10_000) {
      throw BadOption.because("--delay-ms is 0 to 10000, not " + delayMillis);
    }
    if (timeoutMillis != null && timeoutMillis < 1) {
      throw BadOption.because("--timeout-ms must be at least 1, not " + timeoutMillis);
    }
    if (bytes < 0) {
      throw BadOption.because("--bytes cannot be negative: " + bytes);
    }
    if (endpoint.mode() == LabMode.demo && !Files.isDirectory(outDirectory)) {
      throw BadOption.because("--out " + outDirectory + " is not a directory");
    }
  }

  /** The receiver behind the link, which listens on the lab's port; each transfer is summed up. */
  private void serve(Narrator narrator) throws Exception {
    Narrator receiverSays = narrator.as("receiver");
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(endpoint.host(), 0));
        Receiver receiver =
            Receiver.start(
                socket,
                window,
                2 * timeout(),
                receiverSays::say,
                data ->
                    receiverSays.say(
                        "a whole transfer: %d bytes, in order, each once; " + "first bytes %s",
                        data.length, preview(data)));
        LossyLink link =
            LossyLink.start(
                endpoint.host(),
                endpoint.port(),
                receiver.address(),
                conditions(),
                List.of(new LinkTally(narrator.as("link")::say)))) {
      narrator
          .as("link")
          .say(
              "listening on %s:%d, in front of the receiver on port %d; try: "
                  + "./wirelab lab 13 client --port %d (Ctrl-C stops)",
              endpoint.host(), link.port(), receiver.port(), link.port());
      LanHint.say(narrator, "13", endpoint.host(), link.port());
      new CountDownLatch(1).await();
    }
  }

  private static String preview(byte[] data) {
    String text = new String(data, 0, Math.min(16, data.length), StandardCharsets.US_ASCII);
    return "\"" + text.replaceAll("[^ -~]", ".") + "\"";
  }

  private void send(Narrator narrator) throws Exception {
    byte[] data =
        "0123456789abcdef"
            .repeat(bytes / 16 + 1)
            .substring(0, bytes)
            .getBytes(StandardCharsets.US_ASCII);
    SlidingWindowSender sender =
        new SlidingWindowSender(strategy, window, timeout(), narrator::say);
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(0))) {
      Transfer transfer =
          sender.send(
              data,
              GoodputSweep.SEGMENT_BYTES,
              socket,
              new InetSocketAddress(endpoint.host(), endpoint.port()));
      narrator.say("%s", summary(transfer));
    } catch (SlidingWindowSender.NoAnswer e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  static String summary(Transfer transfer) {
    return String.format(
        Locale.ROOT,
        "%d bytes, %d segments + FIN: %d sent (%d again), "
            + "%d timeouts, %.0f ms, goodput %.1f KiB/s",
        transfer.bytes(),
        transfer.segments() - 1,
        transfer.transmissions(),
        transfer.retransmissions(),
        transfer.timeouts(),
        transfer.nanos() / 1e6,
        transfer.goodputKibPerSecond());
  }
}
