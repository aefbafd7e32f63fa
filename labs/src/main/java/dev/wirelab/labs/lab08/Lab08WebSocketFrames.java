package dev.wirelab.labs.lab08;

import dev.wirelab.labs.support.LabMode;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.PortConverter;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Lab 08: run {@code ./wirelab lab 08 demo} and read every WebSocket frame as annotated hex, then see full duplex. */
@Command(
    name = "08",
    description = "WebSocket frames by hand: FIN, opcodes, masking, length forms; then full duplex with Java-WebSocket.",
    mixinStandardHelpOptions = true)
public final class Lab08WebSocketFrames implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", defaultValue = "demo",
      description = "demo (both ends here), server, or client (default: ${DEFAULT-VALUE})")
  LabMode mode;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "server: address to listen on (0.0.0.0 = every interface); client: server to call")
  String host;

  @Option(names = "--port", defaultValue = "9008", converter = PortConverter.class,
      description = "TCP port of the WebSocket server (default: ${DEFAULT-VALUE})")
  int port;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    LabRunner.main(new Lab08WebSocketFrames(), args);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("lab 08 WebSocket frames by hand: mode=%s host=%s port=%d%n", mode, host, port);
    Narrator narrator = new Narrator(out, mode.name());
    switch (mode) {
      case server -> serve(narrator.as("server"));
      case client -> talkTo(port, narrator);
      case demo -> demo(narrator);
    }
    return 0;
  }

  private void serve(Narrator narrator) throws Exception {
    PushingServer server = PushingServer.start(host, port, narrator);
    try {
      narrator.say("try: ./wirelab lab 08 client --port %d (Ctrl-C stops)", server.port());
      new CountDownLatch(1).await(); // server mode runs until Ctrl-C ends the JVM
    } finally {
      server.shutDown();
    }
  }

  private void demo(Narrator narrator) throws Exception {
    PushingServer server = PushingServer.start(host, port, narrator.as("server"));
    try {
      talkTo(server.port(), narrator);
    } finally {
      server.shutDown();
    }
  }

  private void talkTo(int serverPort, Narrator narrator) throws Exception {
    narrator.say("part 1: frames encoded and decoded by hand (FrameCodec), over a raw socket");
    new FramesByHand(narrator.as("raw client")).run(host, serverPort);

    narrator.say("part 2: the same server, now with the Java-WebSocket client; both ends send at once");
    DuplexClient client = new DuplexClient(URI.create("ws://" + host + ":" + serverPort + "/"), 2, narrator.as("client"));
    try {
      client.open();
      List<String> messages = client.awaitMessages();
      narrator.as("client").say("received %d messages without asking for any: %s", messages.size(), messages);
    } finally {
      client.closeBlocking();
    }
  }
}
