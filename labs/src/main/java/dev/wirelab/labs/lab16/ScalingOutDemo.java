package dev.wirelab.labs.lab16;

import dev.wirelab.chat.engineio.SessionIds;
import dev.wirelab.chat.lb.LoadBalancer;
import dev.wirelab.chat.socketio.cluster.redis.RedisAdapterFactory;
import dev.wirelab.chat.socketio.cluster.redis.RedisAdapterOptions;
import dev.wirelab.labs.lab11.JavaClients;
import dev.wirelab.labs.lab11.LabClient;
import dev.wirelab.labs.lab11.SocketIoLabServer;
import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo: Redis, two Socket.IO nodes that share it, alice on one and bob on the other in one
 * room, every Redis message printed; then polling's requests by hand, with and without the sticky
 * load balancer.
 */
final class ScalingOutDemo {
  static final String ROOM = "physics";
  private static final String POLLING = "/socket.io/?EIO=4&transport=polling";

  private final String host;
  private final int balancerPort;
  private final Narrator narrator;

  ScalingOutDemo(String host, int balancerPort, Narrator narrator) {
    this.host = host;
    this.balancerPort = balancerPort;
    this.narrator = narrator;
  }

  void run() throws Exception {
    Optional<RedisServer> started = RedisServer.startIfInstalled();
    if (started.isEmpty()) {
      narrator.say(
          "redis-server is not installed (Debian/Ubuntu: sudo apt-get install redis-server;"
              + " macOS: brew install redis); here is a recorded run instead:");
      printRecordedRun();
      return;
    }
    try (RedisServer redis = started.get()) {
      narrator
          .as("redis")
          .say("redis-server %s on %s (stopped at the end)", redis.version(), redis.url());
      try (RedisAdapterFactory adaptersA = connect(redis);
          RedisAdapterFactory adaptersB = connect(redis);
          SocketIoLabServer nodeA = ClusterNode.start(host, 0, adaptersA, "nodA");
          SocketIoLabServer nodeB = ClusterNode.start(host, 0, adaptersB, "nodB")) {
        narrator
            .as("node A")
            .say("Socket.IO on %s:%d, session ids start with nodA", host, nodeA.port());
        narrator
            .as("node B")
            .say("Socket.IO on %s:%d, session ids start with nodB", host, nodeB.port());
        roomAcrossNodes(redis, nodeA, nodeB);
        stickySessions(nodeA, nodeB);
      }
    }
  }

  private static RedisAdapterFactory connect(RedisServer redis) {
    return RedisAdapterFactory.connect(redis.url(), RedisAdapterOptions.defaults());
  }

  private void roomAcrossNodes(RedisServer redis, SocketIoLabServer nodeA, SocketIoLabServer nodeB)
      throws IOException, InterruptedException {
    narrator.heading("1. One room, two nodes: Redis carries the broadcast between them");
    // Subscribed before anyone connects, so every message the nodes exchange is printed.
    RedisWatch watch = RedisWatch.start(redis.url(), narrator.as("redis"));
    try (watch;
        JavaClients toA = new JavaClients(host, nodeA.port(), narrator);
        JavaClients toB = new JavaClients(host, nodeB.port(), narrator);
        LabClient alice = toA.create("alice", "/", Map.of());
        LabClient bob = toB.create("bob", "/", Map.of())) {
      alice.connect();
      bob.connect();
      alice.emitWithAck("join", ROOM);
      bob.emitWithAck("join", ROOM);
      var heard = bob.next("said");
      alice.emitWithAck("say", ROOM, "hello from node A");
      Object[] said = bob.await(heard, "said");
      narrator.say(
          "bob is on node B and alice on node A, yet bob got \"%s\": node A published it on"
              + " Redis, node B is subscribed and emitted it to its members of %s",
          said[1], ROOM);
    }
  }

  private void stickySessions(SocketIoLabServer nodeA, SocketIoLabServer nodeB)
      throws IOException, InterruptedException {
    narrator.heading("2. Polling needs sticky sessions");
    Narrator http = narrator.as("http");
    String open = RawHttp.exchange(host, nodeA.port(), "GET", POLLING, "");
    http.say("GET %s at node A -> %s", POLLING, open);
    int at = open.indexOf("\"sid\":\"") + "\"sid\":\"".length();
    String sid = open.substring(at, at + SessionIds.LENGTH);
    String session = POLLING + "&sid=" + sid;
    http.say(
        "POST 40 (CONNECT) at node B -> %s",
        RawHttp.exchange(host, nodeB.port(), "POST", session, "40"));
    narrator.say(
        "node B never heard of %s: every polling request must reach the node that holds the"
            + " session; a WebSocket stays where it started, polling sends a new request each time",
        sid);
    try (LoadBalancer balancer =
        LoadBalancer.start(
            host,
            balancerPort,
            List.of("nodA=" + host + ":" + nodeA.port(), "nodB=" + host + ":" + nodeB.port()))) {
      narrator
          .as("lb")
          .say(
              "./wirelab lb on %s:%d sends each request to the node its sid starts with",
              host, balancer.port());
      http.say(
          "POST 40 (CONNECT) via lb -> %s",
          RawHttp.exchange(host, balancer.port(), "POST", session, "40"));
      http.say("GET via lb -> %s", RawHttp.exchange(host, balancer.port(), "GET", session, ""));
      http.say(
          "POST 1 (close) via lb -> %s",
          RawHttp.exchange(host, balancer.port(), "POST", session, "1"));
    }
  }

  private void printRecordedRun() throws IOException {
    try (InputStream recorded = ScalingOutDemo.class.getResourceAsStream("recorded-run.txt")) {
      if (recorded == null) {
        throw new IOException("the recorded run is missing from this build");
      }
      for (String line : new String(recorded.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        narrator.as("recorded").say("%s", line);
      }
    }
  }
}
