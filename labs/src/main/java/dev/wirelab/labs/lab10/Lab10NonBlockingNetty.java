package dev.wirelab.labs.lab10;

import dev.wirelab.labs.support.BadOption;
import dev.wirelab.labs.support.ClientSockets;
import dev.wirelab.labs.support.LabEndpoint;
import dev.wirelab.labs.support.LabMode;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.LanHint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ProjectorWriter;
import io.netty.channel.ChannelHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lab 10: run {@code ./wirelab lab 10 demo} and compare what N idle connections cost two server
 * models.
 */
@Command(
    name = "10",
    description =
        "Non-blocking I/O with Netty: N idle connections, thread per connection versus one event loop.",
    mixinStandardHelpOptions = true)
public final class Lab10NonBlockingNetty implements Callable<Integer> {
  /**
   * Each demo connection costs two file descriptors (both ends live here); the process may hold 20
   * 000.
   */
  static final int MAX_CONNECTIONS = 5_000;

  static final String PIPELINE_MESSAGE = "hello, pipeline\n";
  private static final long AWAIT_MILLIS = 20_000;

  /** Server mode reports its footprint at every this many connections. */
  private static final int REPORT_EVERY = 50;

  /** How a server serves its connections. */
  enum Model {
    threads("thread per connection"),
    netty("one Netty event loop");

    final String title;

    Model(String title) {
      this.title = title;
    }
  }

  @Mixin LabEndpoint endpoint;

  @Option(
      names = "--connections",
      paramLabel = "N",
      defaultValue = "200",
      description =
          "idle connections to open, 1-" + MAX_CONNECTIONS + " (default: ${DEFAULT-VALUE})")
  int connections;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      defaultValue = "netty",
      description = "server: threads or netty (default: ${DEFAULT-VALUE})")
  Model model;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    LabRunner.main(new Lab10NonBlockingNetty(), args);
  }

  @Override
  public Integer call() throws Exception {
    if (connections < 1 || connections > MAX_CONNECTIONS) {
      throw BadOption.because(
          "--connections "
              + connections
              + " is out of range: use 1 to "
              + MAX_CONNECTIONS
              + " (each one is a file descriptor at both ends)");
    }
    PrintWriter out = ProjectorWriter.out(spec);
    out.printf(
        Locale.ROOT,
        "lab 10 Non-blocking I/O with Netty: %s connections=%d%s%n",
        endpoint,
        connections,
        endpoint.mode() == LabMode.server ? " model=" + model : "");
    Narrator narrator = new Narrator(out, endpoint.mode().name());
    switch (endpoint.mode()) {
      case server -> serve(narrator.as("server"));
      case client -> connectIdle(narrator.as("client"));
      case demo -> demo(out, narrator);
    }
    return 0;
  }

  private void serve(Narrator narrator) throws Exception {
    ConnectionCount count =
        new ConnectionCount(
            open -> {
              if (open == 1 || open % REPORT_EVERY == 0) {
                ProcessFootprint now = ProcessFootprint.measure();
                narrator.say(
                    "%d connections open: %d threads, heap %s, RSS %s",
                    open, now.threads(), now.heap(), now.rss());
              }
            });
    try (EchoServer server = start(model, endpoint.port(), count, narrator)) {
      ProcessFootprint idle = ProcessFootprint.measure();
      narrator.say(
          "%s listening on port %d: %d threads, RSS %s; try: ./wirelab lab 10 client --port %d (Ctrl-C stops)",
          model.title, server.port(), idle.threads(), idle.rss(), server.port());
      LanHint.say(narrator, "10", endpoint.host(), server.port());
      server.awaitStop();
    }
  }

  private void connectIdle(Narrator narrator) throws IOException {
    try (IdleClients clients = IdleClients.open(endpoint.host(), endpoint.port(), connections)) {
      narrator.say(
          "%d connections open and idle; the server's output shows what they cost it", connections);
      narrator.say("every connection echoes: %d of %d", clients.echoOnEach(), connections);
    }
  }

  private void demo(PrintWriter out, Narrator narrator) throws Exception {
    // Netty goes first: the thread-per-connection server's stacks are handed back to the OS only
    // some time after its threads end, so a model measured after it could show less RSS than its
    // own starting point.
    ModelCost netty = measure(Model.netty, narrator.as("netty"));
    ModelCost threads = measure(Model.threads, narrator.as("threads"));
    out.printf(
        Locale.ROOT,
        "%n%-24s %8s %10s %8s %12s %12s%n",
        "model",
        "threads",
        "with " + connections,
        "added",
        "heap",
        "RSS added");
    for (ModelCost cost : new ModelCost[] {threads, netty}) {
      out.printf(
          Locale.ROOT,
          "%-24s %8d %10d %+8d %12s %12s%n",
          cost.model().title,
          cost.before().threads(),
          cost.during().threads(),
          cost.addedThreads(),
          cost.during().heap(),
          cost.addedRss());
    }
    out.println();
    out.flush();
    showPipeline(narrator.as("pipeline"));
    narrator.say(
        "a blocked thread per idle connection versus one thread that only works when bytes arrive: "
            + "that is why Netty (and the chat server) can hold thousands of connections");
  }

  /**
   * What one model costs with {@code connections} idle clients: the footprint before and during.
   */
  record ModelCost(Model model, ProcessFootprint before, ProcessFootprint during, int echoed) {
    int addedThreads() {
      return during.threads() - before.threads();
    }

    String addedRss() {
      return before.rssKib() < 0
          ? "n/a"
          : String.format(Locale.ROOT, "%+.1f MiB", (during.rssKib() - before.rssKib()) / 1024.0);
    }
  }

  /**
   * Starts a server of the {@code which} model, opens the idle connections, measures, and echoes on
   * each.
   */
  ModelCost measure(Model which, Narrator narrator) throws Exception {
    ProcessFootprint before = ProcessFootprint.measure();
    narrator.say(
        "before the server starts: %d threads, heap %s, RSS %s",
        before.threads(), before.heap(), before.rss());
    try (EchoServer server =
            start(which, endpoint.port(), new ConnectionCount(open -> {}), narrator);
        IdleClients clients = IdleClients.open(endpoint.host(), server.port(), connections)) {
      if (!server.connections().await(connections, AWAIT_MILLIS)) {
        throw new InterruptedIOException(
            "only "
                + server.connections().open()
                + " of "
                + connections
                + " connections reached the server within "
                + AWAIT_MILLIS
                + " ms");
      }
      ProcessFootprint during = ProcessFootprint.measure();
      narrator.say(
          "%s with %d idle connections: %d threads (%+d), heap %s, RSS %s",
          which.title,
          connections,
          during.threads(),
          during.threads() - before.threads(),
          during.heap(),
          during.rss());
      int echoed = clients.echoOnEach();
      narrator.say("every connection echoes: %d of %d", echoed, connections);
      return new ModelCost(which, before, during, echoed);
    }
  }

  private EchoServer start(Model which, int listenPort, ConnectionCount count, Narrator narrator)
      throws Exception {
    return switch (which) {
      case threads ->
          ThreadPerConnectionServer.start(endpoint.host(), listenPort, count, problems(narrator));
      case netty ->
          NettyEchoServer.start(
              endpoint.host(), listenPort, count, problems(narrator), () -> new ChannelHandler[0]);
    };
  }

  /** Where a server reports a failed connection: the lab's output, as one line. */
  private static Consumer<String> problems(Narrator narrator) {
    return problem -> narrator.say("%s", problem);
  }

  /**
   * One message through a pipeline that starts with Netty's LoggingHandler: the hex dump a Netty
   * developer reads.
   */
  private void showPipeline(Narrator narrator) throws Exception {
    ConnectionCount count = new ConnectionCount(open -> {});
    try (NettyEchoServer server =
        NettyEchoServer.start(
            endpoint.host(),
            endpoint.port(),
            count,
            problems(narrator),
            () -> new ChannelHandler[] {new NarratingLoggingHandler(narrator)})) {
      narrator.say(
          "pipeline of each connection: LoggingHandler -> Counter -> Echo; sending \"%s\"",
          PIPELINE_MESSAGE.strip());
      byte[] message = PIPELINE_MESSAGE.getBytes(StandardCharsets.UTF_8);
      try (Socket socket = ClientSockets.connect(endpoint.host(), server.port(), 5_000)) {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        out.write(message);
        out.flush();
        narrator.say(
            "echoed back: \"%s\"",
            new String(in.readNBytes(message.length), StandardCharsets.UTF_8).strip());
      }
      // Let the server see the hang-up, so its INACTIVE line is printed before the lab moves on.
      if (!count.await(0, AWAIT_MILLIS)) {
        throw new InterruptedIOException(
            "the server did not see the client hang up within " + AWAIT_MILLIS + " ms");
      }
    }
  }
}
