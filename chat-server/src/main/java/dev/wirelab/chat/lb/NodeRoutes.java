package dev.wirelab.chat.lb;

import dev.wirelab.chat.engineio.SessionIds;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where each request goes: a request with a session id to the node whose tag starts it, a request
 * without one (a new session's handshake) to the next node in turn.
 */
final class NodeRoutes {
  /** One node: the tag its session ids start with, and where it listens. */
  record Node(String tag, InetSocketAddress address) {
    /** {@code TAG=HOST:PORT}, as {@code --node} takes it. */
    static Node parse(String spec) {
      int equals = spec.indexOf('=');
      int colon = spec.lastIndexOf(':');
      if (equals < 0 || colon < equals) {
        throw new IllegalArgumentException("a node is TAG=HOST:PORT, not \"" + spec + "\"");
      }
      String tag = SessionIds.requireNodeTag(spec.substring(0, equals));
      try {
        int port = Integer.parseInt(spec.substring(colon + 1));
        return new Node(
            tag, InetSocketAddress.createUnresolved(spec.substring(equals + 1, colon), port));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("a node's port is a number 1-65535: \"" + spec + "\"");
      }
    }

    @Override
    public String toString() {
      return tag + "=" + address.getHostString() + ":" + address.getPort();
    }
  }

  /** Why a request has nowhere to go. */
  static final class UnknownNode extends Exception {
    UnknownNode(String message) {
      super(message, null, false, false);
    }
  }

  private final List<Node> nodes;
  private final Map<String, Node> byTag = new LinkedHashMap<>();
  private final AtomicInteger turn = new AtomicInteger();

  NodeRoutes(List<Node> nodes) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("give at least one --node TAG=HOST:PORT");
    }
    for (Node node : nodes) {
      if (byTag.put(node.tag(), node) != null) {
        throw new IllegalArgumentException("two nodes have the tag " + node.tag());
      }
    }
    this.nodes = List.copyOf(nodes);
  }

  List<Node> nodes() {
    return nodes;
  }

  /** The node for a request whose query has {@code sid} (null when it has none). */
  Node route(String sid) throws UnknownNode {
    if (sid == null) {
      return nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
    }
    Optional<String> tag = SessionIds.nodeTagOf(sid);
    if (tag.isEmpty()) {
      throw new UnknownNode("the session id " + sid + " carries no node tag");
    }
    Node node = byTag.get(tag.get());
    if (node == null) {
      throw new UnknownNode("no node has the tag " + tag.get() + " (of session " + sid + ")");
    }
    return node;
  }
}
