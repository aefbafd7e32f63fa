package dev.wirelab.labs.lab10;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.support.LabRun;
import dev.wirelab.labs.support.Narrator;
import io.netty.channel.ChannelHandler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class Lab10NonBlockingNettyTest {
  private static final int CONNECTIONS = 150;

  private final Narrator narrator = new Narrator(new PrintWriter(new StringWriter()), "test");

  @Test
  void threadPerConnectionGrowsByOneThreadPerConnection() throws Exception {
    Lab10NonBlockingNetty lab = labWith(CONNECTIONS);
    Lab10NonBlockingNetty.ModelCost cost =
        lab.measure(Lab10NonBlockingNetty.Model.threads, narrator);

    // One thread per connection, plus the accept loop.
    assertThat(cost.addedThreads()).isBetween(CONNECTIONS, CONNECTIONS + 3);
    assertThat(cost.echoed()).isEqualTo(CONNECTIONS);
  }

  @Test
  void oneNettyEventLoopServesEveryConnectionWithAConstantNumberOfThreads() throws Exception {
    Lab10NonBlockingNetty lab = labWith(CONNECTIONS);
    Lab10NonBlockingNetty.ModelCost cost = lab.measure(Lab10NonBlockingNetty.Model.netty, narrator);

    // The event loop, and at most Netty's own JVM-wide helpers (leak cleaner, global executor).
    // No lower bound: the count is process-wide, and a thread of an earlier test class that ends
    // meanwhile would cancel out the event loop's.
    assertThat(cost.addedThreads()).isLessThanOrEqualTo(3);
    assertThat(cost.echoed()).isEqualTo(CONNECTIONS);
  }

  @Test
  void demoComparesBothModelsAndDumpsOneMessage() {
    LabRun run =
        LabRun.of(new Lab10NonBlockingNetty(), "demo", "--port", "0", "--connections", "100");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith(
            "lab 10 Non-blocking I/O with Netty: mode=demo host=127.0.0.1 port=0 connections=100")
        .containsPattern(
            "\\[threads] thread per connection with 100 idle connections: \\d+ threads \\(\\+10[0-3]\\)")
        .containsPattern(
            "\\[netty] one Netty event loop with 100 idle connections: \\d+ threads \\(\\+[1-3]\\)")
        .contains("[threads] every connection echoes: 100 of 100")
        .contains("[netty] every connection echoes: 100 of 100")
        .containsPattern("RSS \\d+\\.\\d MiB")
        .containsPattern("\\] READ: 16B")
        .contains("|00000000| 68 65 6c 6c 6f 2c 20 70 69 70 65 6c 69 6e 65 0a |hello, pipeline.|")
        .containsPattern("\\] WRITE: 16B")
        .contains("[pipeline] echoed back: \"hello, pipeline\"")
        .containsPattern("\\] INACTIVE");
  }

  @Test
  void clientModeOpensIdleConnectionsToARunningServer() throws Exception {
    ConnectionCount count = new ConnectionCount(open -> {});
    try (NettyEchoServer server =
        NettyEchoServer.start("127.0.0.1", 0, count, problem -> {}, () -> new ChannelHandler[0])) {
      LabRun run =
          LabRun.of(
              new Lab10NonBlockingNetty(),
              "client",
              "--port",
              String.valueOf(server.port()),
              "--connections",
              "20");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("[client] every connection echoes: 20 of 20");
      assertThat(count.await(0, 5_000)).isTrue();
    }
  }

  @Test
  void serverModeOnABusyPortIsOneLineForBothModels() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      for (String model : new String[] {"threads", "netty"}) {
        LabRun run =
            LabRun.of(
                new Lab10NonBlockingNetty(),
                "server",
                "--model",
                model,
                "--port",
                String.valueOf(taken.getLocalPort()));
        assertThat(run.assertOneLineError()).as(model).startsWith("error: cannot listen there");
      }
    }
  }

  @Test
  void tooManyConnectionsIsOneLine() {
    LabRun run = LabRun.of(new Lab10NonBlockingNetty(), "demo", "--connections", "100000");
    assertThat(run.assertOneLineError()).contains("--connections 100000 is out of range");
  }

  private static Lab10NonBlockingNetty labWith(int connections) {
    Lab10NonBlockingNetty lab = new Lab10NonBlockingNetty();
    new CommandLine(lab)
        .parseArgs("demo", "--port", "0", "--connections", String.valueOf(connections));
    return lab;
  }
}
