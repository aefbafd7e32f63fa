package dev.wirelab.bench.cli;

import dev.wirelab.bench.floor.FloorServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./wirelab bench floor --port 3000}: the bare WebSocket broadcaster that gives the
 * side-by-side its floor, until Ctrl-C.
 */
@Command(
    name = "floor",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the bench generator with a bare Netty WebSocket broadcaster on 127.0.0.1:",
      "each 'chat' frame is written as received to every client of the room, with no",
      "Engine.IO or Socket.IO work, which is the least a server can spend per delivery."
    })
public final class BenchFloorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ServerOptions listen;

  @Override
  public Integer call() throws InterruptedException {
    FloorServer server = FloorServer.start(listen.port, listen.transport);
    return UntilStopped.serve(
        server,
        "wirelab floor " + server.port() + " (" + listen.transport.optionName() + ") ready",
        spec.commandLine().getOut());
  }
}
