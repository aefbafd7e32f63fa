package dev.wirelab.labs.lab01;

import dev.wirelab.labs.support.LabMode;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.PortConverter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Lab 01, a TCP echo: run {@code ./wirelab lab 01 demo} and watch the 4-tuple of each connection. */
@Command(
    name = "01",
    description = "Hello, TCP: a blocking echo server and client; see each connection's 4-tuple.",
    mixinStandardHelpOptions = true)
public final class Lab01HelloTcp implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", defaultValue = "demo", paramLabel = "MODE",
      description = "demo (both ends here), server, or client (default: ${DEFAULT-VALUE})")
  LabMode mode;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "server: address to listen on (0.0.0.0 = every interface); client: server to call")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "9001", converter = PortConverter.class,
      description = "TCP port (default: ${DEFAULT-VALUE})")
  int port;

  @Spec CommandSpec spec;

  private final Reader stdin;

  public Lab01HelloTcp() {
    this(new InputStreamReader(System.in, Charset.defaultCharset()));
  }

  /** A lab whose client mode reads its lines from {@code stdin} instead of the terminal. */
  Lab01HelloTcp(Reader stdin) {
    this.stdin = stdin;
  }

  public static void main(String[] args) {
    LabRunner.main(new Lab01HelloTcp(), args);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("lab 01 Hello, TCP: mode=%s host=%s port=%d%n", mode, host, port);
    Narrator narrator = new Narrator(out, mode.name());
    switch (mode) {
      case server -> serve(narrator.as("server"));
      case client -> call(narrator.as("client"));
      case demo -> demo(narrator);
    }
    return 0;
  }

  private void serve(Narrator narrator) throws Exception {
    try (EchoServer server = EchoServer.start(host, port, narrator)) {
      narrator.say("try: ./wirelab lab 01 client --port %d   or   nc %s %d   (Ctrl-C stops)",
          server.port(), host, server.port());
      server.awaitStop();
    }
  }

  private void call(Narrator narrator) throws Exception {
    try (EchoClient client = EchoClient.connect(host, port, narrator)) {
      narrator.say("type lines; each comes back from the server (Ctrl-D ends)");
      client.echoAll(new BufferedReader(stdin));
    }
  }

  /** One server, two clients: both connected at once, told apart only by their ports. */
  private void demo(Narrator narrator) throws Exception {
    try (EchoServer server = EchoServer.start(host, port, narrator.as("server"))) {
      try (EchoClient first = EchoClient.connect(host, server.port(), narrator.as("client A"))) {
        first.echo("hello");
        first.echo("grüße");
        try (EchoClient second = EchoClient.connect(host, server.port(), narrator.as("client B"))) {
          second.echo("served while A is still connected");
          narrator.say("same server address, two ephemeral client ports %d and %d: "
              + "the 4-tuple tells the connections apart", first.localPort(), second.localPort());
        }
        first.echo("bye");
      }
    }
    narrator.say("note \"grüße\": 5 characters, 7 bytes in UTF-8, 8 with the newline; "
        + "TCP counts bytes, not characters");
  }
}
