package dev.wirelab.chat.socketio.peers;

import dev.wirelab.chat.socketio.Socket;
import java.util.Locale;

/** The server side of the peer tests: small events each client test calls by name. */
final class PeerHandlers {
  private PeerHandlers() {}

  static void register(Socket socket) {
    socket.on("sum", (args, ack) -> ack.send(args.get(0).asInt() + args.get(1).asInt()));
    socket.on(
        "profile",
        (args, ack) -> ack.send(args.get(0).get("name").asText().toUpperCase(Locale.ROOT)));
    socket.on("reverse", (args, ack) -> ack.send(reversed(args.bytes(0))));
    socket.on(
        "join",
        (args, ack) -> {
          socket.join(args.text(0));
          ack.send("joined " + args.text(0));
        });
    socket.on("say", (args, ack) -> socket.to(args.text(0)).emit("said", args.text(1)));
    socket.on("shout", (args, ack) -> socket.broadcast().emit("shouted", args.text(0)));
  }

  private static byte[] reversed(byte[] bytes) {
    byte[] copy = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      copy[i] = bytes[bytes.length - 1 - i];
    }
    return copy;
  }
}
