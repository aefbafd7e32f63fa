package dev.wirelab.exercises.lab13;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.Unmet;
import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.sandbox.StudentCode;
import dev.wirelab.exercises.sandbox.StudentProcess;
import dev.wirelab.labs.lab13.LinkConditions;
import dev.wirelab.labs.lab13.LinkTally;
import dev.wirelab.labs.lab13.LossyLink;
import dev.wirelab.labs.lab13.Receiver;
import dev.wirelab.labs.lab13.TestData;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Exercise 13: the sender of a sliding-window protocol, {@code WindowSender PORT FILE}, over lab
 * 13's lossy link to lab 13's receiver: every byte once, in order, within a bound, and the goodput
 * of a window, several segments in flight at once.
 */
public final class WindowSenderExercise {
  static final String MAIN = "WindowSender";
  private static final Duration RUN_BOUND = Duration.ofSeconds(20);
  private static final int RECEIVER_WINDOW = 16;
  private static final int SEGMENT_BYTES = 512;
  private static final int MIN_IN_FLIGHT = 4;
  private static final LinkConditions CLEAN = LinkConditions.perfect(2);
  private static final LinkConditions BAD = new LinkConditions(15, 10, 10, 10, 2, 13);
  private static final LinkConditions FAST = new LinkConditions(5, 0, 0, 0, 5, 13);

  private WindowSenderExercise() {}

  public static Exercise create() {
    return new Exercise(
        "13",
        "a sliding-window sender over a lossy link",
        List.of(
            new Requirement(
                "clean-link",
                "gets a file through a perfect link and ends",
                code -> delivers(code, CLEAN, 20_000)),
            new Requirement(
                "lossy-link",
                "gets every byte through once, in order, over a link that "
                    + "loses, duplicates, reorders and corrupts",
                code -> delivers(code, BAD, 20_000)),
            new Requirement(
                "goodput",
                "the goodput of a window: at least "
                    + MIN_IN_FLIGHT
                    + " segments sent and not yet acknowledged at once",
                WindowSenderExercise::goodput)));
  }

  private record Run(boolean intact, long nanos, StudentProcess process, String link) {}

  private static Verdict delivers(StudentCode code, LinkConditions link, int size)
      throws Exception {
    Run run = run(code, link, size, List.of());
    return Verdict.when(
        run.intact(),
        "the receiver to get the " + size + " bytes once, in order",
        "it got something else; your program "
            + run.process().describeEnd()
            + "; the link: "
            + run.link(),
        "number the segments, keep each until its ACK comes, send it again when its timer "
            + "expires, and check the ACK's checksum before you believe it");
  }

  private static Verdict goodput(StudentCode code) throws Exception {
    int size = 64 * 1024;
    SegmentsInFlight inFlight = new SegmentsInFlight();
    Run run = run(code, FAST, size, List.of(inFlight));
    if (!run.intact()) {
      return Verdict.fail(
          "the " + size + " bytes delivered, to measure the goodput",
          "they were not; your program " + run.process().describeEnd(),
          "get the lossy-link requirement right first");
    }
    String measured =
        String.format(
            Locale.ROOT,
            "at most %d segment%s in flight; %.0f KiB/s from your first datagram to the last "
                + "byte delivered (RTT %d ms, loss 5 %%)",
            inFlight.most(),
            inFlight.most() == 1 ? "" : "s",
            size / 1024.0 / (run.nanos() / 1e9),
            FAST.roundTripMillis());
    return inFlight.most() >= MIN_IN_FLIGHT
        ? Verdict.pass(measured)
        : Verdict.fail(
            "at least " + MIN_IN_FLIGHT + " segments sent and not yet acknowledged at once",
            measured,
            "keep several segments in flight (a window of 8 or 16): one at a time waits a whole "
                + "round trip per 512 bytes");
  }

  private static Run run(
      StudentCode code, LinkConditions conditions, int size, List<LossyLink.LinkObserver> watchers)
      throws Exception {
    byte[] data = TestData.bytes(size, size);
    Path file = Files.createTempFile("wirelab-exercise13-", ".bin");
    AtomicLong firstDatagram = new AtomicLong();
    CompletableFuture<Long> delivered = new CompletableFuture<>();
    LinkTally tally = new LinkTally(line -> {});
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        Receiver receiver =
            Receiver.start(
                socket,
                RECEIVER_WINDOW,
                0,
                line -> {},
                bytes -> delivered.complete(System.nanoTime()));
        LossyLink link =
            LossyLink.start(
                "127.0.0.1",
                0,
                receiver.address(),
                conditions,
                Stream.concat(
                        Stream.<LossyLink.LinkObserver>of(
                            tally,
                            (direction, datagram, fate) ->
                                firstDatagram.compareAndSet(0, System.nanoTime())),
                        watchers.stream())
                    .toList())) {
      Files.write(file, data);
      StudentProcess sender =
          code.runProgram(RUN_BOUND, MAIN, Integer.toString(link.port()), file.toString());
      if (sender.isAlive()) {
        throw new Unmet(
            Verdict.fail(
                "your sender to end within "
                    + RUN_BOUND.toSeconds()
                    + " s, once its FIN is acknowledged",
                "it was still running; the link: " + tally,
                "a segment whose ACK does not come must be sent again, and the loop must end when "
                    + "the FIN's ACK arrives"));
      }
      if (!delivered.isDone()) {
        return new Run(false, 0, sender, tally.toString());
      }
      byte[] got = receiver.awaitFirst(1_000);
      long nanos = delivered.get(1, TimeUnit.SECONDS) - firstDatagram.get();
      return new Run(Arrays.equals(got, data), nanos, sender, tally.toString());
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
