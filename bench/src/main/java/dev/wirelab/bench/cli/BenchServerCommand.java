package dev.wirelab.bench.cli;

import dev.wirelab.bench.server.WirelabBenchServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
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

  @Option(
      names = "--port",
      defaultValue = "3000",
      description = "TCP port on 127.0.0.1, default ${DEFAULT-VALUE}.")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    WirelabBenchServer server = WirelabBenchServer.start(port);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "bench-server-shutdown"));
    spec.commandLine().getOut().println("wirelab socket.io " + server.port() + " ready");
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }
}
