package dev.wirelab.labs.lab03;

import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Three sends, three receives: unlike TCP's stream, UDP delivers each datagram whole and apart. */
final class MessageBoundaries {
  static final List<String> MESSAGES = List.of("one", "two", "three");

  private MessageBoundaries() {}

  /** Sends {@link #MESSAGES}, all before the first receive; returns what each receive got. */
  static List<String> run(Narrator narrator) throws IOException {
    try (DatagramSocket sender = Datagrams.loopbackSocket();
        DatagramSocket receiver = Datagrams.loopbackSocket()) {
      for (String message : MESSAGES) {
        Datagrams.send(sender, receiver, message.getBytes(StandardCharsets.UTF_8));
      }
      narrator.say("sent %d datagrams %s before the receiver read any", MESSAGES.size(), MESSAGES);
      List<String> received = new ArrayList<>();
      for (int i = 0; i < MESSAGES.size(); i++) {
        // A buffer with room for all three: if datagrams could merge, this is where they would.
        String text = Datagrams.text(Datagrams.receive(receiver, 1024));
        received.add(text);
        narrator.say(
            "receive #%d got \"%s\" (%d bytes): one datagram, never part of another",
            i + 1, text, text.length());
      }
      return received;
    }
  }
}
