package dev.wirelab.labs.lab02;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.support.ClosedPort;
import dev.wirelab.labs.support.LabRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Lab02FullDuplexTest {

  @Test
  void demoShowsFullDuplexByteStreamFramingAndNagle() {
    LabRun run = LabRun.of(new Lab02FullDuplex(), "demo", "--rounds", "2");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("lab 02 Full duplex: mode=demo host=127.0.0.1 port=9002 rounds=2")
        .contains("[client] ", "heard \"server message 5\"")
        .contains("[server] ", "heard \"client message 5\"")
        .contains("on one connection (full duplex)")
        .contains("returned 10 bytes: \"helloworld\"")
        .contains("gets the messages back: [hello, world, !]")
        .contains("frame 2: length prefix 262144, then readFully() waited for exactly 262144 bytes")
        .contains("TCP_NODELAY on");
    assertThat(run.prose()).containsPattern("it arrived in \\d+ reads .* the bytes are identical");
  }

  @Test
  void clientModeTalksAndListensUntilBothEndsAreDone() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String[] serverHeard = new String[2];
      Thread server =
          new Thread(
              () -> {
                try (Socket socket = listener.accept()) {
                  socket.setSoTimeout(5_000);
                  socket
                      .getOutputStream()
                      .write("hi from the server\n".getBytes(StandardCharsets.UTF_8));
                  socket.shutdownOutput();
                  BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                  serverHeard[0] = in.readLine();
                  serverHeard[1] = in.readLine();
                } catch (Exception e) {
                  serverHeard[0] = e.toString();
                }
              },
              "test-peer");
      server.start();

      LabRun run =
          LabRun.of(
              new Lab02FullDuplex(new StringReader("hi from the client\n")),
              "client",
              "--port",
              String.valueOf(listener.getLocalPort()));
      server.join(5_000);

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out())
          .contains("heard \"hi from the server\"")
          .contains("says  \"hi from the client\"");
      assertThat(serverHeard).containsExactly("hi from the client", null);
    }
  }

  @Test
  void busyPortIsOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      LabRun run =
          LabRun.of(
              new Lab02FullDuplex(), "server", "--port", String.valueOf(taken.getLocalPort()));
      assertThat(run.assertOneLineError()).startsWith("error: cannot listen there");
    }
  }

  @Test
  void refusedConnectionIsOneLine() throws Exception {
    int closedPort = ClosedPort.tcp();
    LabRun run =
        LabRun.of(
            new Lab02FullDuplex(new StringReader("")),
            "client",
            "--port",
            String.valueOf(closedPort));
    assertThat(run.assertOneLineError()).startsWith("error: connection refused");
  }

  @Test
  void zeroRoundsIsAOneLineUsageError() {
    LabRun run = LabRun.of(new Lab02FullDuplex(), "demo", "--rounds", "0");
    assertThat(run.assertOneLineError()).isEqualTo("error: --rounds must be at least 1, not 0");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void malformedPortIsOneLine() {
    LabRun run = LabRun.of(new Lab02FullDuplex(), "client", "--port", "-1");
    assertThat(run.assertOneLineError()).contains("-1 is outside the port range 0-65535");
  }
}
