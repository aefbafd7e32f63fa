package dev.wirelab.chat.socketio.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirelab.chat.node.NodeScript;
import dev.wirelab.chat.socketio.protocol.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The Node side of a cluster test ({@code src/test/node/cluster/node-peer.mjs}): a socket.io 4.8
 * node on the official Redis adapter, official socket.io-clients to any node, and the official
 * emitter, driven by JSON commands. Everything it prints is kept, for bounded waits on it.
 */
public final class NodeClusterPeer implements AutoCloseable {
  private static final long WAIT_MILLIS = 15_000;

  private final Process process;
  private final Writer commands;
  private final List<JsonNode> lines = new ArrayList<>();
  private final AtomicInteger nextId = new AtomicInteger();
  private final Thread reader;
  private final int port;

  private NodeClusterPeer(Process process) throws InterruptedException {
    this.process = process;
    this.commands = process.outputWriter(StandardCharsets.UTF_8);
    this.reader = new Thread(this::read, "node-cluster-peer-reader");
    reader.start();
    this.port = await(line -> "listening".equals(line.path("event").asText())).path("port").asInt();
  }

  /** Starts the Node node with {@code adapter} ("pubsub" or "streams") on a free port. */
  public static NodeClusterPeer start(String redisUrl, String adapter)
      throws IOException, InterruptedException {
    return new NodeClusterPeer(
        NodeScript.start("cluster", "socket.io", "node-peer.mjs", "0", redisUrl, adapter));
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  private void read() {
    try (BufferedReader in = process.inputReader(StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode parsed = Json.MAPPER.readTree(line);
        synchronized (lines) {
          lines.add(parsed);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // the peer ended; its pipe closed
    }
  }

  /** Runs a command and returns its result; fails on its error or after 15 s. */
  public JsonNode call(String cmd, Object... keysAndValues) throws InterruptedException {
    ObjectNode command = Json.MAPPER.createObjectNode();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      command.set((String) keysAndValues[i], Json.toTree(keysAndValues[i + 1]));
    }
    int id = nextId.incrementAndGet();
    command.put("id", id).put("cmd", cmd);
    try {
      commands.write(command + "\n");
      commands.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("the Node peer no longer reads commands", e);
    }
    JsonNode done =
        await(line -> "done".equals(line.path("event").asText()) && line.path("id").asInt() == id);
    if (done.has("error")) {
      throw new AssertionError("Node peer: " + cmd + " failed: " + done.get("error").asText());
    }
    return done.path("result");
  }

  /** The first line so far or within 15 s that matches. */
  public JsonNode await(Predicate<JsonNode> wanted) throws InterruptedException {
    return within(wanted, WAIT_MILLIS)
        .orElseThrow(
            () ->
                new AssertionError(
                    "the Node peer printed no such line within "
                        + WAIT_MILLIS
                        + " ms; it printed "
                        + all(line -> true)));
  }

  /** The first line so far or within {@code millis} that matches; empty if none came. */
  public Optional<JsonNode> within(Predicate<JsonNode> wanted, long millis)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    synchronized (lines) {
      while (true) {
        for (JsonNode line : lines) {
          if (wanted.test(line)) {
            return Optional.of(line);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || !process.isAlive() && !reader.isAlive()) {
          return Optional.empty();
        }
        lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
  }

  /** Every line printed so far that matches. */
  public List<JsonNode> all(Predicate<JsonNode> wanted) {
    synchronized (lines) {
      return lines.stream().filter(wanted).toList();
    }
  }

  /** Events client {@code client} received so far, named {@code name}. */
  public List<JsonNode> received(String client, String name) {
    return all(
        line ->
            "on".equals(line.path("event").asText())
                && client.equals(line.path("client").asText())
                && name.equals(line.path("name").asText()));
  }

  /** Waits until client {@code client} received an event {@code name}. */
  public JsonNode awaitEvent(String client, String name) throws InterruptedException {
    return await(
        line ->
            "on".equals(line.path("event").asText())
                && client.equals(line.path("client").asText())
                && name.equals(line.path("name").asText()));
  }

  /** Connects an official client named {@code name} to {@code url}; returns its socket id. */
  public String client(String name, String url) throws InterruptedException {
    return call(
            "client",
            "name",
            name,
            "url",
            url,
            "auth",
            Json.MAPPER.createObjectNode().put("name", name))
        .asText();
  }

  @Override
  public void close() {
    try {
      commands.write("{\"id\":0,\"cmd\":\"exit\"}\n");
      commands.flush();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      reader.join(5_000);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
