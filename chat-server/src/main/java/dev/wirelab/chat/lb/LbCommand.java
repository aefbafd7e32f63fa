package dev.wirelab.chat.lb;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./wirelab lb --node n001=127.0.0.1:3001 --node n002=127.0.0.1:3002}: one address in front
 * of several Socket.IO nodes, each polling request sent to the node that holds its session.
 */
@Command(
    name = "lb",
    mixinStandardHelpOptions = true,
    description = {
      "A load balancer with sticky sessions for Socket.IO nodes started with --node-tag.",
      "A request with ?sid= goes to the node whose tag starts the session id; a new session goes"
          + " to the nodes in turn; a WebSocket stays with its node."
    })
public final class LbCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "TCP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--node",
      paramLabel = "TAG=HOST:PORT",
      required = true,
      description = "A node and its --node-tag. Repeat for each node.")
  List<String> nodes;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LoadBalancer balancer;
    try {
      balancer = LoadBalancer.start(host, port, nodes);
    } catch (IllegalArgumentException e) {
      err.println("wirelab lb: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  balancer.close();
                  stopped.countDown();
                },
                "lb-shutdown"));
    out.printf(
        "wirelab lb on http://%s:%d: nodes %s; Ctrl-C stops it%n",
        host, balancer.port(), String.join(", ", balancer.nodes()));
    out.flush();
    stopped.await();
    return 0;
  }
}
