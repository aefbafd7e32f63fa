package dev.wirelab.chat.socketio.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirelab.chat.node.JsonLines;
import dev.wirelab.chat.node.NodeScript;
import dev.wirelab.chat.socketio.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The official npm socket.io-client in a Node child process ({@code
 * src/test/node/socketio/client.mjs}), remote-controlled with JSON commands; what it observes comes
 * back as JSON lines.
 */
public final class NodeSocketIoClient implements AutoCloseable {
  private static final long WAIT_SECONDS = 20;

  private final Process process;
  private final Writer commands;
  private final JsonLines observed;

  /** Lines passed over while looking for another kind; later lookups see them first, in order. */
  private final List<JsonNode> passedOver = new ArrayList<>();

  private NodeSocketIoClient(Process process) {
    this.process = process;
    this.commands = process.outputWriter(StandardCharsets.UTF_8);
    this.observed = new JsonLines(process, "node client", WAIT_SECONDS);
  }

  /**
   * Starts a client for {@code url} (namespace included, e.g. {@code http://127.0.0.1:1234/chat})
   * with the given {@code io()} options.
   */
  public static NodeSocketIoClient connect(String url, ObjectNode options) throws IOException {
    Process process =
        NodeScript.start("socketio", "socket.io-client", "client.mjs", url, options.toString());
    return new NodeSocketIoClient(process);
  }

  /** Options for {@code io()}: these transports, a fresh manager, fast reconnection. */
  public static ObjectNode options(String... transports) {
    ObjectNode options =
        Json.MAPPER
            .createObjectNode()
            .put("forceNew", true)
            .put("reconnectionDelay", 50)
            .put("reconnectionDelayMax", 200);
    options
        .putArray("transports")
        .addAll(Arrays.stream(transports).map(Json.MAPPER.getNodeFactory()::textNode).toList());
    return options;
  }

  /** Sends one command, e.g. {@code {"cmd":"emit","name":"chat","args":["hi"]}}. */
  public void send(ObjectNode command) {
    try {
      commands.write(command.toString() + "\n");
      commands.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("the node client no longer reads commands", e);
    }
  }

  /** {@code socket.emit(name, ...args)}; byte arrays travel as binary. */
  public void emit(String name, Object... args) {
    send(command("emit", name, args));
  }

  /** {@code socket.emitWithAck(name, ...args)}; the answer arrives as an {@code ack} line. */
  public void emitWithAck(String name, Object... args) {
    send(command("emitWithAck", name, args));
  }

  public void run(String cmd) {
    send(Json.MAPPER.createObjectNode().put("cmd", cmd));
  }

  private static ObjectNode command(String cmd, String name, Object[] args) {
    ObjectNode command = Json.MAPPER.createObjectNode().put("cmd", cmd).put("name", name);
    var array = command.putArray("args");
    for (Object arg : args) {
      array.add(arg instanceof byte[] bytes ? bytesNode(bytes) : Json.toTree(arg));
    }
    return command;
  }

  private static JsonNode bytesNode(byte[] bytes) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    var array = node.putArray("$bytes");
    for (byte b : bytes) {
      array.add(b & 0xff);
    }
    return node;
  }

  /** The next observation, waiting at most {@value #WAIT_SECONDS} s. */
  public JsonNode next() throws InterruptedException {
    JsonNode line = observed.next();
    if ("failure".equals(line.path("event").asText())) {
      throw new AssertionError("the node client failed: " + line.path("message").asText());
    }
    return line;
  }

  /** The first observation of type {@code event} (e.g. "connect"); others stay for later. */
  public JsonNode next(String event) throws InterruptedException {
    return nextMatching(line -> event.equals(line.path("event").asText()), event);
  }

  /** The first {@code on} line for the server event {@code name}; others stay for later. */
  public JsonNode nextEvent(String name) throws InterruptedException {
    return nextMatching(
        line -> "on".equals(line.path("event").asText()) && name.equals(line.path("name").asText()),
        "event " + name);
  }

  private JsonNode nextMatching(Predicate<JsonNode> wanted, String what)
      throws InterruptedException {
    for (int i = 0; i < passedOver.size(); i++) {
      if (wanted.test(passedOver.get(i))) {
        return passedOver.remove(i);
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      JsonNode line = next();
      if (wanted.test(line)) {
        return line;
      }
      passedOver.add(line);
    }
    throw new AssertionError("no " + what + " from the node client within " + WAIT_SECONDS + " s");
  }

  /** Decodes a {@code {"$bytes": [...]}} argument. */
  public static byte[] bytes(JsonNode node) {
    JsonNode values = node.get("$bytes");
    byte[] bytes = new byte[values.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) values.get(i).asInt();
    }
    return bytes;
  }

  /** Asks the client to exit, and kills it if it does not within a few seconds. */
  @Override
  public void close() throws InterruptedException {
    observed.ending();
    if (process.isAlive()) {
      try {
        run("exit");
      } catch (UncheckedIOException e) {
        process.destroyForcibly();
      }
    }
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
    }
    observed.rest();
  }
}
