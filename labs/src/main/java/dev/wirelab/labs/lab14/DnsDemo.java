package dev.wirelab.labs.lab14;

import dev.wirelab.labs.support.Narrator;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

/** The demo's story, against the lab's own name server on loopback. */
final class DnsDemo {
  private final String host;
  private final int port;
  private final Narrator narrator;
  private final int timeoutMillis;

  DnsDemo(String host, int port, Narrator narrator, int timeoutMillis) {
    this.host = host;
    this.port = port;
    this.narrator = narrator;
    this.timeoutMillis = timeoutMillis;
  }

  void run() throws Exception {
    try (NameServer server =
        NameServer.start(host, port, Zone.wirelabTest(), narrator.as("server")::say)) {
      InetSocketAddress address = new InetSocketAddress(host, server.port());
      Narrator client = narrator.as("client");
      StubResolver resolver = new StubResolver(address, timeoutMillis, 0x1401, client::say);

      narrator.heading("1. A query, byte by byte: A? www.wirelab.test");
      byte[] query = QueryBuilder.query(0x1401, "www.wirelab.test", RecordType.A);
      QueryAnatomy.of(query).forEach(line -> narrator.as("query").say("%s", line));
      narrator
          .as("query")
          .say("%d bytes in all; the name is %d of them", query.length, query.length - 16);

      narrator.heading("2. The answer, and its compression pointers");
      byte[] raw = new RawUdp(address, timeoutMillis).exchange(query);
      HexLines.of(raw).forEach(line -> narrator.as("answer").say("%s", line));
      DnsMessage answer = AnswerParser.parse(raw, note -> narrator.as("parse").say("%s", note));
      printAnswers(narrator.as("parse"), answer);
      narrator
          .as("parse")
          .say(
              "the owner name is 2 bytes instead of 18: \"the name at offset "
                  + "12\", the question's");

      narrator.heading("3. Following the CNAME");
      printAnswers(client, resolver.resolve("www.wirelab.test", RecordType.A).answer());

      narrator.heading("4. The other record types");
      for (RecordType type :
          List.of(RecordType.AAAA, RecordType.MX, RecordType.TXT, RecordType.NS)) {
        String name = type == RecordType.AAAA ? "web.wirelab.test" : Zone.ORIGIN;
        printAnswers(client, resolver.ask(name, type));
      }

      narrator.heading("5. A name that does not exist");
      DnsMessage missing = resolver.ask("nope.wirelab.test", RecordType.A);
      client.say(
          "rcode %d = %s: the server is authoritative (AA=%s), so nothing has that name",
          missing.rcode(), NameServer.rcodeName(missing.rcode()), missing.authoritative());

      narrator.heading("6. Too big for UDP: TC, then the same question over TCP");
      printAnswers(client, resolver.ask("big.wirelab.test", RecordType.TXT));

      narrator.heading("7. Malformed answers are refused, with the reason");
      refuse("a pointer to itself (a loop)", patched(raw, 34, 0xc0, 34));
      refuse("a pointer forward, to bytes not read yet", patched(raw, 34, 0xc0, 60));
      refuse("a record length past the end", patched(raw, 44, 0x00, 0xc8));
      refuse("a label running past the end", patched(Arrays.copyOf(raw, 20), 12, 0x3f));
      refuse("a message cut inside its header", Arrays.copyOf(raw, 7));
    }
  }

  private void refuse(String what, byte[] message) {
    Narrator parse = narrator.as("parse");
    try {
      DnsMessage accepted = AnswerParser.parse(message);
      parse.say("%s: ACCEPTED %s, which is a bug", what, accepted);
    } catch (MalformedMessage e) {
      parse.say("%s: refused:", what);
      parse.say("  %s", e.getMessage());
    }
  }

  private static byte[] patched(byte[] message, int at, int... bytes) {
    byte[] copy = message.clone();
    for (int i = 0; i < bytes.length; i++) {
      copy[at + i] = (byte) bytes[i];
    }
    return copy;
  }

  static void printAnswers(Narrator narrator, DnsMessage answer) {
    if (answer.answers().isEmpty()) {
      narrator.say(
          "%s %s: no records (%s)",
          RecordType.of(answer.questionType()).map(Enum::name).orElse("?"),
          answer.questionName(),
          NameServer.rcodeName(answer.rcode()));
    }
    for (ResourceRecord record : answer.answers()) {
      narrator.say("%s", record);
    }
  }
}
