package dev.wirelab.labs.lab15;

import dev.wirelab.labs.support.BadOption;
import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.LabEndpoint;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.LanHint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ProjectorWriter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lab 15: run {@code ./wirelab lab 15 demo} and watch one thread serve every client. */
@Command(
    name = "15",
    description =
        "A select loop by hand: one thread, one java.nio Selector, non-blocking "
            + "accept/read/write, partial writes and OP_WRITE, a client that vanishes.",
    mixinStandardHelpOptions = true)
public final class Lab15SelectLoop implements Callable<Integer> {
  @Mixin LabEndpoint endpoint;

  @Option(
      names = "--bulk-bytes",
      paramLabel = "N",
      defaultValue = "4194304",
      description =
          "demo: what the slow reader sends and must get back (default: ${DEFAULT-VALUE})")
  int bulkBytes;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    LabRunner.main(new Lab15SelectLoop(), args);
  }

  @Override
  public Integer call() throws Exception {
    if (bulkBytes < 1 || bulkBytes > 256 << 20) {
      throw BadOption.because("--bulk-bytes is 1 to 268435456, not " + bulkBytes);
    }
    PrintWriter out = ProjectorWriter.out(spec);
    out.printf(
        "lab 15 A select loop by hand: %s%s%n",
        endpoint,
        switch (endpoint.mode()) {
          case demo -> " bulk-bytes=" + bulkBytes;
          case server, client -> "";
        });
    Narrator narrator = new Narrator(out, endpoint.mode().name());
    switch (endpoint.mode()) {
      case server -> serve(narrator.as("loop"));
      case client ->
          narrator.say(
              "any TCP client will do: nc %s %d (each line comes back)",
              endpoint.host(), endpoint.port());
      case demo -> new SelectLoopDemo(endpoint.host(), endpoint.port(), narrator, bulkBytes).run();
    }
    return 0;
  }

  private void serve(Narrator narrator) throws Exception {
    try (SelectLoopServer server =
        SelectLoopServer.start(
            endpoint.host(), endpoint.port(), line -> narrator.say("%s", line))) {
      narrator.say(
          "echo server on %s:%d, one thread; try: nc %s %d, several at once " + "(Ctrl-C stops)",
          endpoint.host(), server.port(), Endpoint.dialable(endpoint.host()), server.port());
      LanHint.say(narrator, "15", endpoint.host(), server.port());
      new CountDownLatch(1).await();
    }
  }
}
