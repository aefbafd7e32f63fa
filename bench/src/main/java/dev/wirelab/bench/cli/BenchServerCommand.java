package dev.wirelab.bench.cli;

import dev.wirelab.bench.server.WirelabBenchServer;
import dev.wirelab.common.cli.UserError;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./wirelab bench server --port 3000}: our Socket.IO server with the bench protocol, until
 * Ctrl-C.
 */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = "Serve the bench protocol ('join' with ack, 'chat' to the room) on 127.0.0.1.")
public final class BenchServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ServerOptions listen;

  @Option(
      names = "--redis",
      description = "Join the cluster on this Redis (redis://HOST:PORT) with the pub/sub adapter.")
  String redis;

  @Override
  public Integer call() throws InterruptedException {
    WirelabBenchServer server;
    try {
      server = WirelabBenchServer.start(listen.port, listen.transport, redis);
    } catch (IllegalStateException e) {
      throw new UserError(e.getMessage(), e);
    }
    return UntilStopped.serve(
        server,
        "wirelab socket.io "
            + server.port()
            + " ("
            + listen.transport.optionName()
            + (redis == null ? "" : ", cluster on " + redis)
            + ") ready",
        spec.commandLine().getOut());
  }
}
