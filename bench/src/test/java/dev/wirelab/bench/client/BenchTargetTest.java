package dev.wirelab.bench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wirelab.bench.cli.BenchCommand;
import dev.wirelab.common.cli.CommandRunner;
import dev.wirelab.common.cli.UserError;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchTargetTest {
  @Test
  void loopbackTargetsGetTheEngineIoWebSocketPath() {
    assertThat(BenchTarget.parse("ws://127.0.0.1:3000", false).webSocketUri())
        .hasToString("ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket");
    assertThat(BenchTarget.parse("ws://localhost:3000/engine/", false).webSocketUri())
        .hasToString("ws://localhost:3000/engine/?EIO=4&transport=websocket");
    assertThat(BenchTarget.parse("ws://[::1]:3000", false).address().isLoopbackAddress()).isTrue();
  }

  @Test
  void aNonLoopbackHostIsRefusedUnlessAllowed() {
    // 192.0.2.0/24 is TEST-NET-1: never routed, and a literal needs no DNS.
    assertThatThrownBy(() -> BenchTarget.parse("ws://192.0.2.1:3000", false))
        .isInstanceOf(UserError.class)
        .hasMessage(
            "refusing to load 192.0.2.1 (192.0.2.1): benchmarks only target this"
                + " machine's loopback unless --allow-remote is given");
    assertThat(BenchTarget.parse("ws://192.0.2.1:3000", true).port()).isEqualTo(3000);
  }

  @Test
  void otherSchemesAndMissingPortsAreRefused() {
    assertThatThrownBy(() -> BenchTarget.parse("http://127.0.0.1:3000", false))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("ws://HOST:PORT");
    assertThatThrownBy(() -> BenchTarget.parse("ws://127.0.0.1", false))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("explicit port");
  }

  @Test
  void theCommandRefusesARemoteUrlWithOneLineAndNoConnection() {
    StringWriter err = new StringWriter();
    CommandLine cli = CommandRunner.configure(new CommandLine(new BenchCommand()));
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));

    int exit = cli.execute("chat", "--url", "ws://192.0.2.1:3000", "--clients", "1");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "error: refusing to load 192.0.2.1"
                + " (192.0.2.1): benchmarks only target this machine's loopback unless --allow-remote"
                + " is given");
  }
}
