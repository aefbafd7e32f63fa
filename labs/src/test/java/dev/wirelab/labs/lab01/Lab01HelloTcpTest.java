package dev.wirelab.labs.lab01;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.support.ClosedPort;
import dev.wirelab.labs.support.LabRun;
import dev.wirelab.labs.support.Narrator;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class Lab01HelloTcpTest {

  @Test
  void demoEchoesTwoClientsAndNamesTheirPorts() {
    LabRun run = LabRun.of(new Lab01HelloTcp(), "demo", "--port", "0");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("lab 01 Hello, TCP: mode=demo host=127.0.0.1 port=0")
        .containsPattern("\\[server] accepted 127\\.0\\.0\\.1:\\d+ <-> 127\\.0\\.0\\.1:\\d+")
        .contains("[client A] sent \"hello\" (6 bytes), got back \"hello\" (6 bytes)")
        .contains("[client B] sent \"served while A is still connected\"")
        .contains("[client A] closed; sent 18 bytes, received 18 bytes")
        .contains("[server] stopped");
  }

  @Test
  void clientModeSendsStdinLinesToARunningServer() throws Exception {
    StringWriter serverLog = new StringWriter();
    try (EchoServer server =
        EchoServer.start("127.0.0.1", 0, new Narrator(new PrintWriter(serverLog), "server"))) {
      LabRun run =
          LabRun.of(
              new Lab01HelloTcp(new StringReader("one\ntwo\n")),
              "client",
              "--port",
              String.valueOf(server.port()));

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out())
          .contains("[client] sent \"one\" (4 bytes), got back \"one\" (4 bytes)")
          .contains("[client] sent \"two\" (4 bytes), got back \"two\" (4 bytes)")
          .contains("[client] closed; sent 8 bytes, received 8 bytes");
    }
  }

  @Test
  void busyPortIsOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      LabRun run =
          LabRun.of(new Lab01HelloTcp(), "server", "--port", String.valueOf(taken.getLocalPort()));
      assertThat(run.assertOneLineError()).startsWith("error: cannot listen there");
    }
  }

  @Test
  void refusedConnectionIsOneLine() throws Exception {
    int closedPort = ClosedPort.tcp();
    LabRun run =
        LabRun.of(
            new Lab01HelloTcp(new StringReader("")),
            "client",
            "--port",
            String.valueOf(closedPort));
    assertThat(run.assertOneLineError())
        .isEqualTo("error: connection refused (is the server running, and on that host and port?)");
  }

  @Test
  void unknownHostIsOneLine() {
    LabRun run =
        LabRun.of(
            new Lab01HelloTcp(new StringReader("")), "client", "--host", "no-such-host.invalid");
    assertThat(run.assertOneLineError()).startsWith("error: unknown host no-such-host.invalid");
  }

  @Test
  void malformedPortIsOneLine() {
    LabRun run = LabRun.of(new Lab01HelloTcp(), "server", "--port", "90o1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.assertOneLineError()).contains("'90o1' is not a port number");
  }
}
