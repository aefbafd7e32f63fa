package dev.wirelab.labs.lab07;

import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.LabEndpoint;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.LanHint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ProjectorWriter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Lab 07: run {@code ./wirelab lab 07 demo} and watch one port serve a page and then upgrade to
 * WebSocket.
 */
@Command(
    name = "07",
    description =
        "HTTP and WebSocket on one port: a page, an Upgrade, Sec-WebSocket-Accept by hand, frames.",
    mixinStandardHelpOptions = true)
public final class Lab07HttpAndWebSocket implements Callable<Integer> {
  @Mixin LabEndpoint endpoint;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    LabRunner.main(new Lab07HttpAndWebSocket(), args);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = ProjectorWriter.out(spec);
    out.printf("lab 07 HTTP and WebSocket on one port: %s%n", endpoint);
    Narrator narrator = new Narrator(out, endpoint.mode().name());
    switch (endpoint.mode()) {
      case server -> serve(narrator.as("server"));
      case client ->
          new UpgradeWalkthrough(endpoint.host(), endpoint.port(), narrator.as("client")).run();
      case demo -> demo(narrator);
    }
    return 0;
  }

  private void serve(Narrator narrator) throws Exception {
    try (HttpAndWebSocketServer server =
        EchoSite.start(endpoint.host(), endpoint.port(), narrator)) {
      narrator.say(
          "try: open http://%s:%d/ in a browser, or ./wirelab lab 07 client --port %d (Ctrl-C stops)",
          Endpoint.dialable(endpoint.host()), server.port(), server.port());
      LanHint.say(narrator, "07", endpoint.host(), server.port());
      server.awaitStop();
    }
  }

  private void demo(Narrator narrator) throws Exception {
    try (HttpAndWebSocketServer server =
        EchoSite.start(endpoint.host(), endpoint.port(), narrator.as("server"))) {
      new UpgradeWalkthrough(endpoint.host(), server.port(), narrator.as("client")).run();
    }
    narrator.say(
        "one port, two protocols: the 101 turned an HTTP connection into a WebSocket. "
            + "Socket.IO starts the same way (HTTP first, then Upgrade), so it passes wherever HTTP does.");
  }
}
