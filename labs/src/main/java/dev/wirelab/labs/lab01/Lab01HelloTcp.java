package dev.wirelab.labs.lab01;

import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.LabEndpoint;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.LanHint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ProjectorWriter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Lab 01, a TCP echo: run {@code ./wirelab lab 01 demo} and watch the 4-tuple of each connection.
 */
@Command(
    name = "01",
    description = "Hello, TCP: a blocking echo server and client; see each connection's 4-tuple.",
    mixinStandardHelpOptions = true)
public final class Lab01HelloTcp implements Callable<Integer> {
  @Mixin LabEndpoint endpoint;

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
    PrintWriter out = ProjectorWriter.out(spec);
    out.printf("lab 01 Hello, TCP: %s%n", endpoint);
    Narrator narrator = new Narrator(out, endpoint.mode().name());
    switch (endpoint.mode()) {
      case server -> serve(narrator.as("server"));
      case client -> call(narrator.as("client"));
      case demo -> demo(narrator);
    }
    return 0;
  }

  private void serve(Narrator narrator) throws Exception {
    try (EchoServer server = EchoServer.start(endpoint.host(), endpoint.port(), narrator)) {
      narrator.say(
          "try: ./wirelab lab 01 client --port %d   or   nc %s %d   (Ctrl-C stops)",
          server.port(), Endpoint.dialable(endpoint.host()), server.port());
      LanHint.say(narrator, "01", endpoint.host(), server.port());
      server.awaitStop();
    }
  }

  private void call(Narrator narrator) throws Exception {
    try (EchoClient client = EchoClient.connect(endpoint.host(), endpoint.port(), narrator)) {
      narrator.say("type lines; each comes back from the server (Ctrl-D ends)");
      client.echoAll(new BufferedReader(stdin));
    }
  }

  /** One server, two clients: both connected at once, told apart only by their ports. */
  private void demo(Narrator narrator) throws Exception {
    try (EchoServer server =
        EchoServer.start(endpoint.host(), endpoint.port(), narrator.as("server"))) {
      try (EchoClient first =
          EchoClient.connect(endpoint.host(), server.port(), narrator.as("client A"))) {
        first.echo("hello");
        first.echo("grüße");
        try (EchoClient second =
            EchoClient.connect(endpoint.host(), server.port(), narrator.as("client B"))) {
          second.echo("served while A is still connected");
          narrator.say(
              "same server address, two ephemeral client ports %d and %d: "
                  + "the 4-tuple tells the connections apart",
              first.localPort(), second.localPort());
        }
        first.echo("bye");
      }
    }
    narrator.say(
        "note \"grüße\": 5 characters, 7 bytes in UTF-8, 8 with the newline; "
            + "TCP counts bytes, not characters");
  }
}
