package dev.wirelab.labs.lab14;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the operating system's resolver does for a program: ask a name server over UDP, ask again
 * over TCP when the answer comes back truncated, and follow CNAMEs to the name that has the
 * records. Answers that are malformed, or answer another query, are refused.
 */
public final class StubResolver {
  private static final int MAX_CNAMES = 8;
  private static final int UDP_TRIES = 3;

  private final InetSocketAddress server;
  private final int timeoutMillis;
  private final Consumer<String> narration;
  private int nextId;

  public StubResolver(
      InetSocketAddress server, int timeoutMillis, int firstId, Consumer<String> narration) {
    this.server = server;
    this.timeoutMillis = timeoutMillis;
    this.nextId = firstId;
    this.narration = narration;
  }

  /** What resolving a name gave: the final answer, and the names followed to get there. */
  public record Resolution(DnsMessage answer, List<String> chain) {}

  public Resolution resolve(String name, RecordType type) throws IOException, MalformedMessage {
    List<String> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String current = name;
    while (true) {
      chain.add(current);
      if (!seen.add(current.toLowerCase(Locale.ROOT)) || chain.size() > MAX_CNAMES) {
        throw new MalformedMessage("CNAMEs go round in a loop or too deep: " + chain);
      }
      DnsMessage answer = ask(current, type);
      List<ResourceRecord> cnames =
          answer.answers().stream().filter(record -> record.type() == RecordType.CNAME).toList();
      boolean hasWanted = answer.answers().stream().anyMatch(record -> record.type() == type);
      if (type == RecordType.CNAME || hasWanted || cnames.isEmpty()) {
        return new Resolution(answer, chain);
      }
      current = cnames.get(0).data();
      narration.accept(
          chain.get(chain.size() - 1) + " is an alias: following the CNAME to " + current);
    }
  }

  /** One question: UDP first; TCP if the answer says it was truncated. */
  public DnsMessage ask(String name, RecordType type) throws IOException, MalformedMessage {
    int id = nextId++ & 0xffff;
    byte[] query = QueryBuilder.query(id, name, type);
    byte[] raw = overUdp(query, id);
    DnsMessage answer = check(AnswerParser.parse(raw), id, name);
    narration.accept(
        String.format(
            Locale.ROOT,
            "<- id=0x%04x %s, answers=%d, %d bytes%s",
            id,
            NameServer.rcodeName(answer.rcode()),
            answer.answers().size(),
            raw.length,
            answer.truncated() ? ", TC set: asking again over TCP" : ""));
    if (!answer.truncated()) {
      return answer;
    }
    byte[] whole = overTcp(query);
    DnsMessage full = check(AnswerParser.parse(whole), id, name);
    narration.accept(
        String.format(
            Locale.ROOT,
            "<- over TCP: %s, answers=%d, %d bytes",
            NameServer.rcodeName(full.rcode()),
            full.answers().size(),
            whole.length));
    return full;
  }

  private static DnsMessage check(DnsMessage answer, int id, String name) throws MalformedMessage {
    if (!answer.response() || answer.id() != id || !answer.questionName().equalsIgnoreCase(name)) {
      throw new MalformedMessage(
          String.format(
              Locale.ROOT,
              "not the answer to query 0x%04x " + "for %s (id 0x%04x, question %s)",
              id,
              name,
              answer.id(),
              answer.questionName()));
    }
    return answer;
  }

  private byte[] overUdp(byte[] query, int id) throws IOException {
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout(timeoutMillis);
      for (int attempt = 1; attempt <= UDP_TRIES; attempt++) {
        narration.accept(
            String.format(
                Locale.ROOT,
                "-> id=0x%04x over UDP, %d bytes%s",
                id,
                query.length,
                attempt > 1 ? " (try " + attempt + ")" : ""));
        socket.send(new DatagramPacket(query, query.length, server));
        byte[] buffer = new byte[AnswerWriter.UDP_LIMIT];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(packet);
          return Arrays.copyOf(buffer, packet.getLength());
        } catch (SocketTimeoutException e) {
          narration.accept("no answer within " + timeoutMillis + " ms");
        }
      }
    }
    throw new SocketTimeoutException(
        "no answer from " + server + " after " + UDP_TRIES + " tries over UDP");
  }

  private byte[] overTcp(byte[] query) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(server, timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeShort(query.length);
      out.write(query);
      out.flush();
      narration.accept(
          String.format(
              Locale.ROOT,
              "-> over TCP: a 2-byte length, then the same " + "%d bytes",
              query.length));
      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte[] answer = new byte[in.readUnsignedShort()];
      in.readFully(answer);
      return answer;
    }
  }
}
