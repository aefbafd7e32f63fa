package dev.wirelab.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wirelab.bench.client.BenchTarget;
import dev.wirelab.bench.client.ChatLoad;
import dev.wirelab.bench.client.LoadSettings;
import dev.wirelab.bench.report.BenchReport;
import dev.wirelab.bench.report.ReportTable;
import dev.wirelab.common.cli.UserError;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./wirelab bench chat --url ws://127.0.0.1:3000 --clients 1000 --senders 10 --rate 5}:
 * joins the clients to one room, lets the senders chat, and prints deliveries, loss and latency.
 */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description = {
      "Load a Socket.IO server with the bench protocol and measure it.",
      "Clients join one room (event 'join' with ack); senders emit 'chat' at a fixed rate;",
      "the server broadcasts each to the whole room, sender included."
    })
public final class ChatBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      required = true,
      description = "The server, ws://HOST:PORT (loopback only unless --allow-remote).")
  String url;

  @Option(
      names = "--clients",
      defaultValue = "100",
      description = "Connections (C), default ${DEFAULT-VALUE}.")
  int clients;

  @Option(
      names = "--senders",
      defaultValue = "10",
      description = "Clients that send (S), default ${DEFAULT-VALUE}.")
  int senders;

  @Option(
      names = "--rate",
      defaultValue = "10",
      description = "Messages per second per sender (R), default ${DEFAULT-VALUE}.")
  int rate;

  @Option(
      names = "--duration",
      defaultValue = "10",
      description = "Seconds of sending, or of holding with --idle (D), default ${DEFAULT-VALUE}.")
  int durationSeconds;

  @Option(
      names = "--warmup",
      defaultValue = "0",
      description =
          "Seconds of sending before the measurement starts, not counted, default ${DEFAULT-VALUE}.")
  int warmupSeconds;

  @Option(
      names = "--room",
      defaultValue = "bench",
      description = "The room to join, default ${DEFAULT-VALUE}.")
  String room;

  @Option(
      names = "--sender-url",
      description = {
        "Connect the senders to this node of the cluster instead (ws://HOST:PORT):",
        "the other clients' deliveries then cross the adapter."
      })
  String senderUrl;

  @Option(names = "--idle", description = "Only open the connections and hold them.")
  boolean idle;

  @Option(
      names = "--pid",
      defaultValue = "0",
      description = "The server's process id: report its CPU per delivery and RSS per connection.")
  long pid;

  @Option(
      names = "--also-pid",
      description =
          "Another process to report CPU per delivery for (a second node, Redis); repeatable.")
  List<Long> otherPids = new ArrayList<>();

  @Option(
      names = "--threads",
      description = "Event loops of the generator, default: available cores.")
  Integer threads;

  @Option(
      names = "--connect-timeout",
      defaultValue = "60",
      description = "Seconds to open and join all clients, default ${DEFAULT-VALUE}.")
  int connectTimeoutSeconds;

  @Option(
      names = "--drain",
      defaultValue = "5",
      description =
          "Seconds to wait for outstanding deliveries after sending, default ${DEFAULT-VALUE}.")
  int drainSeconds;

  @Option(
      names = "--connect-window",
      defaultValue = "200",
      description = "Handshakes in flight at once, default ${DEFAULT-VALUE}.")
  int connectWindow;

  @Option(
      names = "--allow-remote",
      description = "Allow a server that is not on this machine's loopback.")
  boolean allowRemote;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    BenchTarget target = BenchTarget.parse(url, allowRemote);
    if (!room.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new UserError(
          "--room must be 1 to 64 letters, digits, '_', '.' or '-', not '" + room + "'");
    }
    if (clients < 1
        || senders < 0
        || senders > clients
        || rate < 0
        || warmupSeconds < 0
        || durationSeconds < 1
        || connectTimeoutSeconds < 1
        || drainSeconds < 0
        || connectWindow < 1) {
      throw new UserError(
          "need --clients >= 1, 0 <= --senders <= --clients, --rate >= 0,"
              + " --warmup >= 0, --duration/--connect-timeout >= 1, --drain >= 0, --connect-window >= 1");
    }
    if (pid < 0) {
      throw new UserError("--pid must be a process id, not " + pid);
    }
    for (long other : otherPids) {
      if (other <= 0) {
        throw new UserError("--also-pid must be a process id, not " + other);
      }
    }
    int loops = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    LoadSettings settings =
        new LoadSettings(
            target,
            senderUrl == null ? target : BenchTarget.parse(senderUrl, allowRemote),
            room,
            clients,
            idle ? 0 : senders,
            rate,
            Duration.ofSeconds(idle ? 0 : warmupSeconds),
            Duration.ofSeconds(durationSeconds),
            idle,
            pid,
            otherPids,
            Math.max(1, loops),
            Duration.ofSeconds(connectTimeoutSeconds),
            Duration.ofSeconds(drainSeconds),
            connectWindow);
    BenchReport report = new ChatLoad(settings).run();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
      out.flush();
    } else {
      ReportTable.print(report, out);
    }
    return 0;
  }
}
