package dev.wirelab.inspector.app.engineio;

import dev.wirelab.inspector.app.AppFindings;
import dev.wirelab.inspector.app.Quote;

/**
 * Shows an Engine.IO packet: {@code eio.*} fields, a layer-tree entry and, unless Socket.IO says
 * more, a meaning.
 */
public final class EngineIoReporter {
  private EngineIoReporter() {}

  public static void report(EngineIoPacket p, String transport, AppFindings out) {
    out.fieldOnce("eio.type", p.type().label());
    out.fieldOnce("eio.transport", transport);
    out.detail(
        "Engine.IO", "Packet type", p.type().ordinal(), p.type().label() + ", over " + transport);
    if (p.isBinary()) {
      out.detail("Engine.IO", "Data", p.binary().length + " bytes of binary");
    } else if (!p.text().isEmpty()) {
      out.detail("Engine.IO", "Data", Quote.shorten(p.text()));
    }
  }

  /** E.g. {@code EIO ping "probe"}, {@code EIO open {"sid":...}}, {@code EIO message 3 bytes}. */
  public static String meaning(EngineIoPacket p) {
    String head = "EIO " + p.type().label();
    if (p.isBinary()) {
      return head + " " + p.binary().length + " bytes";
    }
    if (p.text().isEmpty()) {
      return head;
    }
    return head
        + " "
        + (p.type() == EngineIoPacketType.OPEN ? Quote.shorten(p.text()) : Quote.text(p.text()));
  }
}
