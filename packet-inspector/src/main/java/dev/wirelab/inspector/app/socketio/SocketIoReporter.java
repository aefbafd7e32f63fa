package dev.wirelab.inspector.app.socketio;

import dev.wirelab.inspector.app.AppFindings;
import dev.wirelab.inspector.app.Quote;

/** Shows a Socket.IO packet: {@code sio.*} fields, a layer-tree entry and a one-line meaning. */
public final class SocketIoReporter {
  private SocketIoReporter() {}

  public static void report(SocketIoPacket p, AppFindings out) {
    if (!out.fields().containsKey("sio.type")) {
      fields(p, out);
    }
    out.detail("Socket.IO", "Packet type", p.type().ordinal(), p.type().name());
    out.detail("Socket.IO", "Namespace", p.namespace());
    if (p.ackId() >= 0) {
      out.detail(
          "Socket.IO",
          "Ack id",
          p.ackId(),
          p.type().isEvent()
              ? "the sender wants an ACK with this id"
              : "answers the EVENT with this id");
    }
    if (p.type().isBinary()) {
      out.detail(
          "Socket.IO", "Attachments", p.attachments(), "binary Engine.IO messages that follow");
    }
    if (p.event() != null) {
      out.detail("Socket.IO", "Event", p.event());
    }
    if (p.args() != null) {
      out.detail(
          "Socket.IO",
          p.event() != null ? "Arguments" : "Data",
          Quote.shorten(p.args().toString()));
    }
    out.meaning(meaning(p));
  }

  /** The JSON fields, set for the first Socket.IO packet of a frame only, so packets never mix. */
  private static void fields(SocketIoPacket p, AppFindings out) {
    out.field("sio.type", p.type().name());
    out.field("sio.nsp", p.namespace());
    if (p.event() != null) {
      out.field("sio.event", p.event());
    }
    if (p.ackId() >= 0) {
      out.field("sio.ack_id", p.ackId());
    }
    if (p.type().isBinary()) {
      out.field("sio.attachments", p.attachments());
    }
    if (p.args() != null) {
      out.field("sio.args", p.args().toString());
    }
  }

  /** E.g. {@code SIO EVENT /chat "message" ["hi"]} or {@code SIO ACK / id=3 ["ok"]}. */
  public static String meaning(SocketIoPacket p) {
    StringBuilder s = new StringBuilder("SIO ").append(p.type()).append(' ').append(p.namespace());
    if (p.event() != null) {
      s.append(' ').append(Quote.text(p.event()));
    }
    if (p.ackId() >= 0) {
      s.append(" id=").append(p.ackId());
    }
    if (p.args() != null) {
      s.append(' ').append(Quote.shorten(p.args().toString()));
    }
    return s.toString();
  }
}
