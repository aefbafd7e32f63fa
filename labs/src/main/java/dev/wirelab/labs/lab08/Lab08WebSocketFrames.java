package dev.wirelab.labs.lab08;

import dev.wirelab.labs.support.LabEndpoint;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.LanHint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ProjectorWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Lab 08: run {@code ./wirelab lab 08 demo} and read every WebSocket frame as annotated hex, then
 * see full duplex.
 */
@Command(
    name = "08",
    description =
        "WebSocket frames by hand: FIN, opcodes, masking, length forms; then full duplex with Java-WebSocket.",
    mixinStandardHelpOptions = true)
public final class Lab08WebSocketFrames implements Callable<Integer> {
  @Mixin LabEndpoint endpoint;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    LabRunner.main(new Lab08WebSocketFrames(), args);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = ProjectorWriter.out(spec);
    out.printf("lab 08 WebSocket frames by hand: %s%n", endpoint);
    Narrator narrator = new Narrator(out, endpoint.mode().name());
    switch (endpoint.mode()) {
      case server -> serve(narrator.as("server"));
      case client -> talkTo(endpoint.port(), narrator);
      case demo -> demo(narrator);
    }
    return 0;
  }

  private void serve(Narrator narrator) throws Exception {
    PushingServer server = PushingServer.start(endpoint.host(), endpoint.port(), narrator);
    try {
      narrator.say("try: ./wirelab lab 08 client --port %d (Ctrl-C stops)", server.port());
      LanHint.say(narrator, "08", endpoint.host(), server.port());
      new CountDownLatch(1).await(); // server mode runs until Ctrl-C ends the JVM
    } finally {
      server.shutDown();
    }
  }

  private void demo(Narrator narrator) throws Exception {
    PushingServer server =
        PushingServer.start(endpoint.host(), endpoint.port(), narrator.as("server"));
    try {
      talkTo(server.port(), narrator);
    } finally {
      server.shutDown();
    }
  }

  private void talkTo(int serverPort, Narrator narrator) throws Exception {
    narrator.say("part 1: frames encoded and decoded by hand (FrameCodec), over a raw socket");
    new FramesByHand(narrator.as("raw client")).run(endpoint.host(), serverPort);

    narrator.say(
        "part 2: the same server, now with the Java-WebSocket client; both ends send at once");
    URI server = URI.create("ws://" + endpoint.host() + ":" + serverPort + "/");
    DuplexClient client = new DuplexClient(server, 2, narrator.as("client"));
    try {
      client.open();
      List<String> messages = client.awaitMessages();
      narrator
          .as("client")
          .say("received %d messages without asking for any: %s", messages.size(), messages);
    } finally {
      client.closeBlocking();
    }
  }
}
