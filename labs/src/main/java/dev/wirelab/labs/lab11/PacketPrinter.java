package dev.wirelab.labs.lab11;

import dev.wirelab.chat.socketio.protocol.Packet;
import dev.wirelab.chat.socketio.protocol.PacketType;
import dev.wirelab.chat.socketio.protocol.ProtocolException;
import dev.wirelab.labs.support.Narrator;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints one client's Socket.IO packets, {@code ->} sent and {@code <-} received, except the lab's
 * own {@link LabClient#FLUSH} markers, which are bookkeeping and not part of the story.
 */
final class PacketPrinter implements PacketTap.Listener {
  private final Narrator narrator;

  PacketPrinter(Narrator narrator) {
    this.narrator = narrator;
  }

  @Override
  public void frame(boolean outgoing, String text) {
    Optional<Packet> decoded;
    try {
      decoded = SioNotation.decode(text);
    } catch (ProtocolException e) {
      narrator.say(
          "%s not a Socket.IO packet (%s): %s", outgoing ? "->" : "<-", e.getMessage(), text);
      return;
    }
    String arrow = outgoing ? "->" : "<-";
    if (text.equals("2probe") || text.equals("3probe") || text.equals("5")) {
      narrator.say(
          "%s %s  (WebSocket, %s)",
          arrow,
          text,
          switch (text) {
            case "2probe" -> "a ping that asks: does this connection work?";
            case "3probe" -> "the pong: it does";
            default -> "upgrade: polling stops, WebSocket from now on";
          });
      return;
    }
    if (decoded.isEmpty() && (text.startsWith("45") || text.startsWith("46"))) {
      // A binary packet: the frame shows the placeholders; the attachments follow, one per frame.
      narrator.say("%s %s", arrow, text);
      return;
    }
    decoded
        .filter(packet -> !isFlush(packet))
        .ifPresent(packet -> narrator.say("%s %s", arrow, SioNotation.describe(packet)));
  }

  @Override
  public void polling(boolean outgoing, String method, String body) {
    // Engine.IO v4 puts several packets in one polling body, separated by the record separator.
    for (String packet : body.split("\u001e")) {
      String shown = packet.length() > 60 ? packet.substring(0, 60) + "..." : packet;
      narrator.say("%s HTTP %s polling: %s", outgoing ? "->" : "<-", method, shown);
    }
  }

  @Override
  public void attachment(boolean outgoing, byte[] bytes) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Math.min(8, bytes.length); i++) {
      hex.append(String.format(Locale.ROOT, " %02x", bytes[i] & 0xff));
    }
    narrator.say(
        "%s attachment, a binary frame of %d bytes:%s%s",
        outgoing ? "->" : "<-", bytes.length, hex, bytes.length > 8 ? " ..." : "");
  }

  private static boolean isFlush(Packet packet) {
    return packet.type() == PacketType.EVENT
        && LabClient.FLUSH.equals(packet.data().get(0).asText());
  }
}
