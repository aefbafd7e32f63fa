package dev.wirelab.chat.socketio.protocol;

import java.util.List;

/**
 * A packet ready for the wire: the text Engine.IO message and the binary messages that follow it. A
 * broadcast is encoded once and this same instance is handed to every recipient.
 *
 * @param text the packet header and JSON, e.g. {@code 2/chat,["hello","world"]}
 * @param attachments the binary attachments in placeholder order; never modified after encoding
 */
public record EncodedPacket(String text, List<byte[]> attachments) {
  public EncodedPacket {
    attachments = List.copyOf(attachments);
  }

  /** A packet without binary attachments. */
  public static EncodedPacket text(String text) {
    return new EncodedPacket(text, List.of());
  }
}
