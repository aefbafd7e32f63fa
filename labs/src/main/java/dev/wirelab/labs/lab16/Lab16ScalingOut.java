package dev.wirelab.labs.lab16;

import dev.wirelab.chat.socketio.cluster.redis.RedisAdapterFactory;
import dev.wirelab.chat.socketio.cluster.redis.RedisAdapterOptions;
import dev.wirelab.labs.lab11.SocketIoLabServer;
import dev.wirelab.labs.support.BadOption;
import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.LabEndpoint;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ProjectorWriter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lab 16: run {@code ./wirelab lab 16 demo} and watch a room span two nodes through Redis. */
@Command(
    name = "16",
    description =
        "Scaling out: two Socket.IO nodes share rooms through Redis pub/sub, and polling"
            + " needs sticky sessions.",
    mixinStandardHelpOptions = true)
public final class Lab16ScalingOut implements Callable<Integer> {
  @Mixin LabEndpoint endpoint;

  @Option(
      names = "--redis",
      paramLabel = "URL",
      description = "server: the Redis the nodes share (default: ${DEFAULT-VALUE})",
      defaultValue = "redis://127.0.0.1:6379")
  String redis;

  @Option(
      names = "--node-tag",
      paramLabel = "TAG",
      defaultValue = "nodA",
      description =
          "server: the 4 characters this node's session ids start with (default: ${DEFAULT-VALUE})")
  String nodeTag;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    LabRunner.main(new Lab16ScalingOut(), args);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = ProjectorWriter.out(spec);
    out.printf(
        "lab 16 Scaling out: %s%s%n",
        endpoint,
        switch (endpoint.mode()) {
          case server -> " redis=" + redis + " node-tag=" + nodeTag;
          case demo, client -> "";
        });
    Narrator narrator = new Narrator(out, endpoint.mode().name());
    switch (endpoint.mode()) {
      case demo -> new ScalingOutDemo(endpoint.host(), endpoint.port(), narrator).run();
      case server -> serve(narrator.as("node " + nodeTag));
      case client ->
          narrator.say(
              "no client of its own: start two servers on one Redis, then ./wirelab lb --node"
                  + " TAG=HOST:PORT for each, and point any Socket.IO client at the lb");
    }
    return 0;
  }

  private void serve(Narrator narrator) throws Exception {
    RedisAdapterFactory adapters;
    try {
      adapters = RedisAdapterFactory.connect(redis, RedisAdapterOptions.defaults());
    } catch (IllegalStateException unreachable) {
      throw BadOption.because(unreachable.getMessage() + " (start redis-server first)");
    }
    try (adapters;
        SocketIoLabServer node =
            ClusterNode.start(endpoint.host(), endpoint.port(), adapters, nodeTag)) {
      narrator.say(
          "Socket.IO node on %s:%d, session ids start with %s, rooms shared through %s;"
              + " clients emit join (room) and say (room, text) (Ctrl-C stops)",
          endpoint.host(), node.port(), nodeTag, redis);
      narrator.say(
          "a second node: ./wirelab lab 16 server --port %d --node-tag nodB; then ./wirelab lb"
              + " --node %s=%s:%d --node nodB=%s:%d",
          node.port() + 1,
          nodeTag,
          Endpoint.dialable(endpoint.host()),
          node.port(),
          Endpoint.dialable(endpoint.host()),
          node.port() + 1);
      new CountDownLatch(1).await();
    }
  }
}
