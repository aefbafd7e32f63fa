package dev.wirelab.labs.lab07;

import dev.wirelab.labs.support.LabMode;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.PortConverter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Lab 07: run {@code ./wirelab lab 07 demo} and watch one port serve a page and then upgrade to WebSocket. */
@Command(
    name = "07",
    description = "HTTP and WebSocket on one port: a page, an Upgrade, Sec-WebSocket-Accept by hand, frames.",
    mixinStandardHelpOptions = true)
public final class Lab07HttpAndWebSocket implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", defaultValue = "demo",
      description = "demo (both ends here), server, or client (default: ${DEFAULT-VALUE})")
  LabMode mode;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "server: address to listen on (0.0.0.0 = every interface); client: server to call")
  String host;

  @Option(names = "--port", defaultValue = "9007", converter = PortConverter.class,
      description = "TCP port for both HTTP and WebSocket (default: ${DEFAULT-VALUE})")
  int port;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    LabRunner.main(new Lab07HttpAndWebSocket(), args);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("lab 07 HTTP and WebSocket on one port: mode=%s host=%s port=%d%n", mode, host, port);
    Narrator narrator = new Narrator(out, mode.name());
    switch (mode) {
      case server -> serve(narrator.as("server"));
      case client -> new UpgradeWalkthrough(host, port, narrator.as("client")).run();
      case demo -> demo(narrator);
    }
    return 0;
  }

  private void serve(Narrator narrator) throws Exception {
    try (HttpAndWebSocketServer server = EchoSite.start(host, port, narrator)) {
      narrator.say("try: open http://%s:%d/ in a browser, or ./wirelab lab 07 client --port %d (Ctrl-C stops)",
          host, server.port(), server.port());
      server.awaitStop();
    }
  }

  private void demo(Narrator narrator) throws Exception {
    try (HttpAndWebSocketServer server = EchoSite.start(host, port, narrator.as("server"))) {
      new UpgradeWalkthrough(host, server.port(), narrator.as("client")).run();
    }
    narrator.say("one port, two protocols: the 101 turned an HTTP connection into a WebSocket. "
        + "Socket.IO starts the same way (HTTP first, then Upgrade), so it passes wherever HTTP does.");
  }
}
