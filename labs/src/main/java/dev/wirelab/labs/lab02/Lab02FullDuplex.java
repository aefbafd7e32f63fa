package dev.wirelab.labs.lab02;

import dev.wirelab.labs.support.BadOption;
import dev.wirelab.labs.support.ClientSockets;
import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.LabEndpoint;
import dev.wirelab.labs.support.LabMode;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.LanHint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ProjectorWriter;
import dev.wirelab.labs.support.ServerSockets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lab 02, TCP is a full-duplex byte stream: run {@code ./wirelab lab 02 demo} and read the
 * timeline.
 */
@Command(
    name = "02",
    description =
        "Full duplex: both ends talk at once; TCP is a byte stream; framing; TCP_NODELAY.",
    mixinStandardHelpOptions = true)
public final class Lab02FullDuplex implements Callable<Integer> {
  /** How long the terminal modes wait for their writer once the other end has hung up. */
  private static final long WRITER_GRACE_MILLIS = 1_000;

  @Mixin LabEndpoint endpoint;

  @Option(
      names = "--rounds",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "demo: write-write-read rounds per TCP_NODELAY setting (default: ${DEFAULT-VALUE})")
  int rounds;

  @Spec CommandSpec spec;

  private final Reader stdin;

  public Lab02FullDuplex() {
    this(new InputStreamReader(System.in, Charset.defaultCharset()));
  }

  /** A lab whose terminal modes read their lines from {@code stdin} instead of the terminal. */
  Lab02FullDuplex(Reader stdin) {
    this.stdin = stdin;
  }

  public static void main(String[] args) {
    LabRunner.main(new Lab02FullDuplex(), args);
  }

  @Override
  public Integer call() throws Exception {
    if (rounds < 1) {
      throw BadOption.because("--rounds must be at least 1, not " + rounds);
    }
    PrintWriter out = ProjectorWriter.out(spec);
    out.printf(
        "lab 02 Full duplex: %s%s%n",
        endpoint, endpoint.mode() == LabMode.demo ? " rounds=" + rounds : "");
    Narrator narrator = new Narrator(out, endpoint.mode().name());
    switch (endpoint.mode()) {
      case server -> serve(narrator.as("server"));
      case client -> call(narrator.as("client"));
      case demo -> demo(narrator);
    }
    return 0;
  }

  private void serve(Narrator narrator) throws Exception {
    try (ServerSocket listener = ServerSockets.listen(endpoint.host(), endpoint.port())) {
      narrator.say(
          "listening on %s for one conversation; try: ./wirelab lab 02 client --port %d   "
              + "or   nc %s %d",
          Endpoint.of(listener.getLocalSocketAddress()),
          listener.getLocalPort(),
          Endpoint.dialable(endpoint.host()),
          listener.getLocalPort());
      LanHint.say(narrator, "02", endpoint.host(), listener.getLocalPort());
      try (Socket socket = listener.accept()) {
        talk(socket, narrator);
      }
    }
  }

  private void call(Narrator narrator) throws Exception {
    try (Socket socket = ClientSockets.connect(endpoint.host(), endpoint.port(), 0)) {
      talk(socket, narrator);
    }
  }

  /** Types and listens at once until both ends are done: stdin ended here and the other hung up. */
  private void talk(Socket socket, Narrator narrator) throws InterruptedException {
    narrator.say(
        "connected %s <-> %s; type lines and watch theirs arrive meanwhile (Ctrl-D: done)",
        Endpoint.of(socket.getLocalSocketAddress()), Endpoint.of(socket.getRemoteSocketAddress()));
    DuplexPeer peer = DuplexPeer.startListening(socket, narrator, new Timeline());
    BufferedReader lines = new BufferedReader(stdin);
    peer.startWriting(lines::readLine);
    peer.awaitEnd(0, WRITER_GRACE_MILLIS);
  }

  private void demo(Narrator narrator) throws Exception {
    narrator.heading("1. Full duplex: one connection, a reader and a writer thread on each end");
    Conversation.run(narrator);

    narrator.heading("2. A byte stream: two writes arrive as one read");
    Coalescing.run(narrator.as("stream"));

    narrator.heading("3. A byte stream: one write arrives as many reads");
    Splitting.run(narrator.as("stream"));

    narrator.heading("4. Framing puts the message boundaries back");
    LineFraming.run(narrator.as("newline"));
    byte[] large = Splitting.pattern(Splitting.MESSAGE_BYTES);
    LengthPrefixFraming.run(
        narrator.as("length"),
        List.of(
            "tiny".getBytes(StandardCharsets.UTF_8),
            large,
            "two\nlines".getBytes(StandardCharsets.UTF_8)));

    narrator.heading("5. Nagle's algorithm and TCP_NODELAY");
    NagleExperiment.run(narrator.as("nagle"), rounds);
  }
}
