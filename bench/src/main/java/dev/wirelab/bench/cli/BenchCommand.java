package dev.wirelab.bench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./wirelab bench}: the load generator ({@code chat}), the server it measures ({@code
 * server}) and the floor beside it ({@code floor}).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark Socket.IO servers on this machine.",
      "",
      "  ./wirelab bench server --port 3000",
      "  ./wirelab bench chat --url ws://127.0.0.1:3000 --clients 1000 --senders 10 --rate 5",
      "  ./wirelab bench floor --port 3000      (the bare WebSocket floor, same generator)"
    },
    subcommands = {ChatBenchCommand.class, BenchServerCommand.class, BenchFloorCommand.class})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
