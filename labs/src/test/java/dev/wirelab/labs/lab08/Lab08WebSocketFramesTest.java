package dev.wirelab.labs.lab08;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.lab07.EchoSite;
import dev.wirelab.labs.lab07.HttpAndWebSocketServer;
import dev.wirelab.labs.lab07.RawWebSocketClient;
import dev.wirelab.labs.lab07.WebSocketHandshake;
import dev.wirelab.labs.support.LabRun;
import dev.wirelab.labs.support.Narrator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Lab08WebSocketFramesTest {
  private final StringWriter log = new StringWriter();
  private final Narrator narrator = new Narrator(new PrintWriter(log), "server");

  @Test
  void demoShowsEveryFrameKindAndFullDuplex() {
    LabRun run = LabRun.of(new Lab08WebSocketFrames(), "demo", "--port", "0");

    assertThat(run.exitCode()).as(run.err()).isZero();
    String out = run.out();
    assertThat(out)
        .startsWith("lab 08 WebSocket frames by hand: mode=demo host=127.0.0.1 port=0")
        .contains("FIN=1 RSV=000 opcode=0x1 TEXT")
        .contains("FIN=1 RSV=000 opcode=0x2 BINARY")
        .contains("FIN=0 RSV=000 opcode=0x1 TEXT")
        .contains("FIN=1 RSV=000 opcode=0x0 CONTINUATION")
        .contains("FIN=1 RSV=000 opcode=0x9 PING")
        .contains("FIN=1 RSV=000 opcode=0xA PONG")
        .contains("FIN=1 RSV=000 opcode=0x8 CLOSE")
        .contains("MASK=1 length=27 (7-bit form)")
        .contains("length=300 (16-bit form)")
        .contains("length=70000 (64-bit form)")
        .contains("payload: 8 raw bytes 89 50 4e 47 0d 0a 1a 0a")
        .contains("[server] onMessage text \"Hello\" -> echoing it")
        .contains("closing handshake done, server's status 1000")
        .contains("[client] onMessage text \"" + PushingServer.GREETING + "\"")
        .contains("[client] onMessage text \"" + DuplexClient.HELLO + "\"")
        .contains("[client] received 2 messages without asking for any")
        .contains("[server] stopped");
    assertThat(run.prose()).contains("payload, masked; unmasked: \"" + FramesByHand.JSON + "\"");
    // The server speaks first: its frame arrives before the client has sent a single one.
    String prose = run.prose();
    assertThat(prose.indexOf("payload: \"" + PushingServer.GREETING + "\""))
        .isPositive()
        .isLessThan(prose.indexOf("[raw client] sent:"));
    // Frames a client sends are masked, frames a server sends are not.
    assertThat(maskLinesAfter(out, "sent:"))
        .hasSize(8)
        .allSatisfy(line -> assertThat(line).contains("MASK=1"));
    assertThat(maskLinesAfter(out, "received:"))
        .hasSize(8)
        .allSatisfy(line -> assertThat(line).contains("MASK=0"));
  }

  @Test
  void clientModeTalksToARunningServer() throws Exception {
    PushingServer server = PushingServer.start("127.0.0.1", 0, narrator);
    try {
      LabRun run =
          LabRun.of(new Lab08WebSocketFrames(), "client", "--port", String.valueOf(server.port()));
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("closing handshake done").contains("received 2 messages");
    } finally {
      server.shutDown();
    }
    assertThat(log.toString())
        .contains("onMessage binary, 70000 bytes")
        .contains("onClose 1000 \"done\"");
  }

  @Test
  void anIndependentServerComputesTheSameAcceptKeyAsOurs() throws Exception {
    PushingServer server = PushingServer.start("127.0.0.1", 0, narrator);
    try (RawWebSocketClient client = RawWebSocketClient.connect("127.0.0.1", server.port(), "/")) {
      assertThat(client.response().target()).isEqualTo("101");
      assertThat(client.serverAccept()).isEqualTo(WebSocketHandshake.acceptFor(client.key()));
      assertThat(client.frames().receive().text()).isEqualTo(PushingServer.GREETING);
      assertThat(client.closeHandshake()).isEqualTo(1000);
    } finally {
      server.shutDown();
    }
  }

  @Test
  void lab07sHandMadeServerEchoesFragmentsAsFragments() throws Exception {
    try (HttpAndWebSocketServer server = EchoSite.start("127.0.0.1", 0, narrator);
        RawWebSocketClient client =
            RawWebSocketClient.connect("127.0.0.1", server.port(), EchoSite.WEBSOCKET_PATH)) {
      client.frames().send(Frame.firstFragment(Opcode.TEXT, "Hel"));
      client.frames().send(Frame.continuation(true, "lo"));
      client.frames().send(Frame.ping("still there?"));
      assertThat(client.frames().receive()).isEqualTo(Frame.firstFragment(Opcode.TEXT, "Hel"));
      assertThat(client.frames().receive()).isEqualTo(Frame.continuation(true, "lo"));
      assertThat(client.frames().receive()).isEqualTo(Frame.pong("still there?".getBytes()));
      assertThat(client.closeHandshake()).isEqualTo(1000);
    }
  }

  /** The MASK line of every frame the raw client printed after {@code heading}. */
  private static List<String> maskLinesAfter(String out, String heading) {
    List<String> rawClient = out.lines().filter(line -> line.startsWith("[raw client]")).toList();
    List<String> maskLines = new ArrayList<>();
    for (int i = 0; i < rawClient.size(); i++) {
      if (rawClient.get(i).endsWith("] " + heading)) {
        maskLines.add(rawClient.get(i + 3));
      }
    }
    return maskLines;
  }

  @Test
  void busyPortIsOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      LabRun run =
          LabRun.of(
              new Lab08WebSocketFrames(), "server", "--port", String.valueOf(taken.getLocalPort()));
      assertThat(run.assertOneLineError()).startsWith("error: cannot listen there");
    }
  }
}
