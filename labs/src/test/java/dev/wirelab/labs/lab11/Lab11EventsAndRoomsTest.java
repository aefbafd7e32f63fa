package dev.wirelab.labs.lab11;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.chat.socketio.SocketIoOptions;
import dev.wirelab.labs.support.ClosedPort;
import dev.wirelab.labs.support.LabRun;
import dev.wirelab.labs.support.Narrator;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Lab11EventsAndRoomsTest {
  private static LabRun demo;

  @BeforeAll
  static void runDemo() {
    demo = LabRun.of(new Lab11EventsAndRooms(), "demo", "--port", "0");
  }

  /** The lines of step {@code number} of the demo, up to the next step. */
  private static String step(int number) {
    String out = demo.out();
    int start = out.indexOf("\n== " + number + ".");
    assertThat(start).as(out).isNotNegative();
    int end = out.indexOf("\n== ", start + 1);
    return out.substring(start, end < 0 ? out.length() : end);
  }

  @Test
  void demoExitsCleanlyAndPrintsItsSettingsFirst() {
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.out())
        .startsWith("lab 11 Events, acks, rooms and namespaces: mode=demo host=127.0.0.1 port=0");
  }

  @Test
  void eachSocketStartsInARoomNamedAfterItsId() {
    assertThat(step(0))
        .containsPattern("\\[server\\] alice connected as (\\S+); its rooms: \\[\\1\\]")
        .containsPattern("\\[bob\\] <- SIO CONNECT / \\{\"sid\":\"[^\"]+\"}");
  }

  @Test
  void aClientEmitRunsTheNamedHandlerAndTheServerEmitReachesEveryone() {
    assertThat(step(1))
        .containsPattern("\\[alice\\] -> SIO EVENT / \"chat\" id=\\d+ \\[\"hi\"]")
        .contains("[server] handler 'chat' runs for alice: hi")
        .contains("[alice] inbox: [chat [alice: hi]]")
        .contains("[bob] inbox: [chat [alice: hi]]")
        .contains("[carol] inbox: [chat [alice: hi]]")
        .doesNotContain("flush");
  }

  @Test
  void acksAnswerInBothDirections() {
    assertThat(step(2))
        .containsPattern(
            "\\[alice\\] -> SIO EVENT / \"sum\" id=(\\d+) \\[20,22]\n\\[alice\\] <- SIO ACK / id=\\1 \\[42]")
        .contains("[alice] sum(20, 22) answered: [42]")
        .containsPattern("\\[bob\\] <- SIO EVENT / \"quiz\" id=\\d+ \\[\"2 \\+ 2 = \\?\"]")
        .containsPattern("\\[bob\\] -> SIO ACK / id=\\d+ \\[4]")
        .contains("[server] bob answered the quiz: [4]");
  }

  @Test
  void aBinaryEmitIsAPlaceholderPacketThenItsAttachmentAndTheHandlerGetsTheBytes() {
    assertThat(step(9))
        .containsPattern(
            "\\[bob\\] -> 451-(\\d+)\\[\"photo\",\\{\"_placeholder\":true,\"num\":0}]\n"
                + "\\[bob\\] -> attachment, a binary frame of 16 bytes: 89 50 4e 47 0d 0a 1a 0a \\.\\.\\.")
        .contains("[server] handler 'photo' runs for bob: 16 bytes")
        .containsPattern("\\[bob\\] <- SIO ACK / id=\\d+ \\[16]")
        .contains("[bob] the photo's ack: [16] bytes arrived");
  }

  @Test
  void aClientStartsOnLongPollingAndUpgradesWithAProbe() {
    assertThat(step(10))
        .containsPattern(
            "\\[dave\\] <- HTTP GET polling: 0\\{\"sid\":\"[^\"]+\",\"upgrades\":\\[\"websocket\"]")
        .contains("[dave] -> HTTP POST polling: 40{\"name\":\"dave\"}")
        .containsPattern("(?s)\\[dave\\] -> 2probe .*\\[dave\\] <- 3probe .*\\[dave\\] -> 5 ")
        .contains("[dave] sum(1, 2) answered over the WebSocket: [3]");
  }

  @Test
  void aMessageToASocketIdReachesThatSocketOnly() {
    assertThat(step(3))
        .contains("[bob] inbox: [private [see me after class]]")
        .contains("[alice] inbox: []")
        .contains("[carol] inbox: []");
  }

  @Test
  void roomBroadcastsReachMembersOnlyAndLeavingStopsThem() {
    assertThat(step(4)).contains("[server] physics: [alice, bob]");
    assertThat(step(5))
        .contains("[alice] inbox: [news [lab at 10]]")
        .contains("[bob] inbox: [news [lab at 10]]")
        .contains("[carol] inbox: []");
    assertThat(step(6))
        .containsPattern("\\[server\\] bob left physics; its rooms: \\[[^,\\]]+]")
        .contains("[alice] inbox: [news [lab moved to room 2]]")
        .contains("[bob] inbox: []")
        .contains("[carol] inbox: []");
  }

  @Test
  void aDroppedConnectionLeavesEveryRoom() {
    assertThat(step(7))
        .contains("[server] physics before: [alice]")
        .contains("[server] alice disconnected (transport close); its rooms now: []")
        .contains("[server] physics after: []");
  }

  @Test
  void namespacesAreIsolated() {
    assertThat(step(8))
        .contains("[carol@admin] -> SIO CONNECT /admin {\"name\":\"carol\"}")
        .contains("[server] sockets in /: 2, in /admin: 1")
        .contains("[carol@admin] inbox: [notice [grades are out]]")
        .contains("[carol] inbox: [chat [server: hello, /]]")
        .contains("[bob] inbox: [chat [server: hello, /]]");
  }

  @Test
  void clientModeVisitsARunningServer() throws Exception {
    StringWriter serverLog = new StringWriter();
    try (SocketIoLabServer server =
        SocketIoLabServer.start("127.0.0.1", 0, SocketIoOptions.defaults())) {
      new Classroom(server.io(), new Narrator(new PrintWriter(serverLog), "server"));
      LabRun run =
          LabRun.of(
              new Lab11EventsAndRooms(),
              "client",
              "--port",
              String.valueOf(server.port()),
              "--name",
              "ada");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out())
          .contains("[ada] -> SIO EVENT / \"chat\" [\"hello from ada\"]")
          .contains("[ada] sum(20, 22) answered: [42]")
          .containsPattern("\\[ada\\] joined physics, rooms: \\[\\[(\"[^\"]+\",?){2}]]")
          .containsPattern("rooms: \\[\\[.*\"physics\".*]]")
          .contains("[ada] everyone got: [ada: hello from ada]");
    }
    assertThat(serverLog.toString()).contains("handler 'chat' runs for ada: hello from ada");
  }

  @Test
  void packetsAreWrittenInTheInspectorsNotation() throws Exception {
    assertThat(SioNotation.describe(SioNotation.decode("42[\"chat\",\"hi\"]").orElseThrow()))
        .isEqualTo("SIO EVENT / \"chat\" [\"hi\"]");
    assertThat(SioNotation.describe(SioNotation.decode("43/admin,7[42]").orElseThrow()))
        .isEqualTo("SIO ACK /admin id=7 [42]");
    assertThat(SioNotation.describe(SioNotation.decode("41").orElseThrow()))
        .isEqualTo("SIO DISCONNECT /");
    assertThat(SioNotation.decode("2"))
        .as("an Engine.IO ping carries no Socket.IO packet")
        .isEmpty();
  }

  @Test
  void noServerIsOneLine() throws Exception {
    int closedPort = ClosedPort.tcp();
    LabRun run =
        LabRun.of(new Lab11EventsAndRooms(), "client", "--port", String.valueOf(closedPort));
    assertThat(run.assertOneLineError())
        .startsWith("error: connection refused: http://127.0.0.1:" + closedPort);
  }

  @Test
  void aBusyPortIsOneLine() throws Exception {
    try (SocketIoLabServer busy =
        SocketIoLabServer.start("127.0.0.1", 0, SocketIoOptions.defaults())) {
      LabRun run =
          LabRun.of(new Lab11EventsAndRooms(), "demo", "--port", String.valueOf(busy.port()));
      assertThat(run.assertOneLineError()).contains(String.valueOf(busy.port()));
    }
  }
}
