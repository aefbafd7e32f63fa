package dev.wirelab.labs.lab03;

import dev.wirelab.common.cli.UserError;
import dev.wirelab.labs.support.BadOption;
import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.LabEndpoint;
import dev.wirelab.labs.support.LabMode;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.LanHint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ProjectorWriter;
import java.io.PrintWriter;
import java.net.PortUnreachableException;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lab 03, the UDP pinger: run {@code ./wirelab lab 03 demo} and watch pings get lost. */
@Command(
    name = "03",
    description =
        "UDP pinger: a lossy echo server, a client printing RTTs and loss like ping; "
            + "message boundaries, no handshake, oversized datagrams.",
    mixinStandardHelpOptions = true)
public final class Lab03UdpPinger implements Callable<Integer> {
  /** The demo's seed when none is given: the run this lab's page shows, 3 of 10 pings lost. */
  static final long DEMO_SEED = 5;

  @Mixin LabEndpoint endpoint;

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "10",
      description = "client: pings to send (default: ${DEFAULT-VALUE})")
  int count;

  @Option(
      names = "--timeout-ms",
      paramLabel = "MS",
      defaultValue = "1000",
      description = "client: how long to wait for each echo (default: ${DEFAULT-VALUE})")
  int timeoutMillis;

  @Option(
      names = "--loss",
      paramLabel = "PERCENT",
      defaultValue = "30",
      description = "server: percentage of datagrams to drop, 0-100 (default: ${DEFAULT-VALUE})")
  int lossPercent;

  @Option(
      names = "--delay-ms",
      paramLabel = "MS",
      defaultValue = "0",
      description = "server: how long to hold each echo (default: ${DEFAULT-VALUE})")
  long delayMillis;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "server: seed of the loss choices; same seed, same lost pings "
              + "(default: random, printed; the demo uses "
              + DEMO_SEED
              + ")")
  Long seed;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    LabRunner.main(new Lab03UdpPinger(), args);
  }

  @Override
  public Integer call() throws Exception {
    validate();
    long effectiveSeed =
        seed != null
            ? seed
            : endpoint.mode() == LabMode.demo
                ? DEMO_SEED
                : ThreadLocalRandom.current().nextLong(1_000_000);
    PrintWriter out = ProjectorWriter.out(spec);
    out.println(settings(effectiveSeed));
    Narrator narrator = new Narrator(out, endpoint.mode().name());
    SimulatedLoss loss = new SimulatedLoss(lossPercent, effectiveSeed);
    switch (endpoint.mode()) {
      case server -> serve(narrator.as("server"), loss);
      case client -> {
        if (ping(narrator.as("client"), endpoint.port()).rttMillis().isEmpty()) {
          narrator
              .as("client")
              .say(
                  "no echo at all: is the server running there, "
                      + "and does every firewall on the way let UDP through?");
          return 1;
        }
      }
      case demo -> demo(narrator, loss);
    }
    return 0;
  }

  /** The settings that matter in this mode: the client has no say in the server's losses. */
  private String settings(long effectiveSeed) {
    StringBuilder line = new StringBuilder(String.format("lab 03 UDP pinger: %s", endpoint));
    if (endpoint.mode() != LabMode.server) {
      line.append(String.format(" count=%d timeout-ms=%d", count, timeoutMillis));
    }
    if (endpoint.mode() != LabMode.client) {
      line.append(
          String.format(" loss=%d%% delay-ms=%d seed=%d", lossPercent, delayMillis, effectiveSeed));
    }
    return line.toString();
  }

  private void validate() {
    if (lossPercent < 0 || lossPercent > 100) {
      throw BadOption.because("--loss is a percentage from 0 to 100, not " + lossPercent);
    }
    if (count < 1) {
      throw BadOption.because("--count must be at least 1, not " + count);
    }
    if (timeoutMillis < 1) {
      throw BadOption.because("--timeout-ms must be at least 1, not " + timeoutMillis);
    }
    if (delayMillis < 0) {
      throw BadOption.because("--delay-ms cannot be negative: " + delayMillis);
    }
  }

  private void serve(Narrator narrator, SimulatedLoss loss) throws Exception {
    try (PingServer server =
        PingServer.start(endpoint.host(), endpoint.port(), loss, delayMillis, narrator)) {
      narrator.say(
          "try: ./wirelab lab 03 client --port %d   or   nc -u %s %d   (Ctrl-C stops)",
          server.port(), Endpoint.dialable(endpoint.host()), server.port());
      LanHint.say(narrator, "03", endpoint.host(), server.port());
      server.awaitStop();
    }
  }

  private PingClient.Result ping(Narrator narrator, int serverPort) throws Exception {
    String target = endpoint.host() + ":" + serverPort;
    try {
      return new PingClient(target, timeoutMillis, narrator)
          .ping(endpoint.host(), serverPort, count);
    } catch (PortUnreachableException e) {
      throw new UserError(
          "nothing listens on UDP "
              + target
              + ": the host answered ICMP port unreachable (start the server first)",
          e);
    }
  }

  private void demo(Narrator narrator, SimulatedLoss loss) throws Exception {
    narrator.heading("1. Pinging a server that loses " + lossPercent + " % of datagrams");
    try (PingServer server =
        PingServer.start(
            endpoint.host(), endpoint.port(), loss, delayMillis, narrator.as("server"))) {
      ping(narrator.as("client"), server.port());
    }

    narrator.heading("2. Message boundaries: three sends, three receives");
    MessageBoundaries.run(narrator.as("udp"));

    narrator.heading("3. No handshake: a datagram to a port where nothing listens");
    NoHandshake.run(narrator.as("udp"), timeoutMillis);

    narrator.heading("4. Datagram sizes: the largest, one byte more, and a buffer too small");
    Oversized.run(narrator.as("udp"));
  }
}
