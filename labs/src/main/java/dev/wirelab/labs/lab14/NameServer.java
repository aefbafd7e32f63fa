package dev.wirelab.labs.lab14;

import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.Stopping;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A small authoritative name server for {@link Zone}, on one port over UDP and TCP, as DNS servers
 * are (RFC 1035 section 4.2). Over TCP each message has a two-byte length in front. One thread per
 * transport is plenty for a classroom.
 */
public final class NameServer implements AutoCloseable {
  static final int REFUSED = 5;
  private static final int TCP_READ_TIMEOUT_MILLIS = 5_000;

  private final Zone zone;
  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final Consumer<String> narration;
  private final Thread udpThread;
  private final Thread tcpThread;
  private volatile boolean closed;

  private NameServer(Zone zone, DatagramSocket udp, ServerSocket tcp, Consumer<String> narration) {
    this.zone = zone;
    this.udp = udp;
    this.tcp = tcp;
    this.narration = narration;
    this.udpThread = new Thread(this::serveUdp, "lab14-dns-udp");
    this.tcpThread = new Thread(this::serveTcp, "lab14-dns-tcp");
  }

  /**
   * Listens on UDP and TCP {@code host:port}. With port 0 it looks for a port free for both: the
   * one UDP is given may be taken for TCP.
   */
  public static NameServer start(String host, int port, Zone zone, Consumer<String> narration)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      DatagramSocket udp = new DatagramSocket(new InetSocketAddress(host, port));
      ServerSocket tcp = new ServerSocket();
      try {
        tcp.bind(new InetSocketAddress(host, udp.getLocalPort()));
      } catch (IOException e) {
        tcp.close();
        udp.close();
        if (port != 0 || attempt == 10) {
          throw e;
        }
        continue;
      }
      NameServer server = new NameServer(zone, udp, tcp, narration);
      server.udpThread.start();
      server.tcpThread.start();
      return server;
    }
  }

  public int port() {
    return udp.getLocalPort();
  }

  private void serveUdp() {
    byte[] buffer = new byte[AnswerWriter.UDP_LIMIT];
    while (!closed) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
        byte[] query = Arrays.copyOf(buffer, packet.getLength());
        Optional<byte[]> answer = answer(query, true, Endpoint.of(packet.getSocketAddress()));
        if (answer.isPresent()) {
          udp.send(
              new DatagramPacket(answer.get(), answer.get().length, packet.getSocketAddress()));
        }
      } catch (IOException e) {
        if (closed) {
          return;
        }
        throw new UncheckedIOException("the name server stopped answering over UDP", e);
      }
    }
  }

  private void serveTcp() {
    while (!closed) {
      try (Socket client = tcp.accept()) {
        client.setSoTimeout(TCP_READ_TIMEOUT_MILLIS);
        serveConnection(client);
      } catch (IOException e) {
        if (closed) {
          return;
        }
        narration.accept("TCP connection ended: " + e.getMessage());
      }
    }
  }

  private void serveConnection(Socket client) throws IOException {
    DataInputStream in = new DataInputStream(client.getInputStream());
    DataOutputStream out = new DataOutputStream(client.getOutputStream());
    String from = Endpoint.of(client.getRemoteSocketAddress());
    while (true) {
      int length;
      try {
        length = in.readUnsignedShort();
      } catch (EOFException | SocketTimeoutException done) {
        return;
      }
      byte[] query = new byte[length];
      in.readFully(query);
      Optional<byte[]> answer = answer(query, false, from + " over TCP");
      if (answer.isEmpty()) {
        return;
      }
      out.writeShort(answer.get().length);
      out.write(answer.get());
      out.flush();
    }
  }

  /** The answer to one query, or empty for bytes that are not a query at all. */
  public Optional<byte[]> answer(byte[] query, boolean overUdp, String from) {
    DnsMessage question;
    try {
      question = AnswerParser.parse(query);
    } catch (MalformedMessage e) {
      narration.accept("from " + from + ": not a query (" + e.getMessage() + "), no answer");
      return Optional.empty();
    }
    if (question.response()) {
      narration.accept("from " + from + ": a response, not a query: no answer");
      return Optional.empty();
    }
    int flags = (query[2] & 0xff) << 8 | query[3] & 0xff;
    Optional<RecordType> type = RecordType.of(question.questionType());
    String name = question.questionName();
    int rcode;
    List<ResourceRecord> records = List.of();
    if (type.isEmpty()) {
      rcode = DnsMessage.NOT_IMPLEMENTED;
    } else if (!zone.covers(name)) {
      rcode = REFUSED;
    } else if (!zone.has(name)) {
      rcode = DnsMessage.NXDOMAIN;
    } else {
      rcode = DnsMessage.NO_ERROR;
      records = zone.lookup(name, type.get());
    }
    byte[] answer = AnswerWriter.answer(question, flags, rcode, records, overUdp);
    boolean truncated = (answer[2] & 0x02) != 0;
    narration.accept(
        String.format(
            Locale.ROOT,
            "%s? %s from %s: %s, %d bytes%s",
            type.map(Enum::name).orElse("TYPE" + question.questionType()),
            name,
            from,
            rcode == 0
                ? records.size() + (records.size() == 1 ? " record" : " records")
                : rcodeName(rcode),
            answer.length,
            truncated ? " (TC: over " + AnswerWriter.UDP_LIMIT + ")" : ""));
    return Optional.of(answer);
  }

  static String rcodeName(int rcode) {
    return switch (rcode) {
      case DnsMessage.NO_ERROR -> "NOERROR";
      case DnsMessage.FORMAT_ERROR -> "FORMERR";
      case DnsMessage.NXDOMAIN -> "NXDOMAIN";
      case DnsMessage.NOT_IMPLEMENTED -> "NOTIMP";
      case REFUSED -> "REFUSED";
      default -> "RCODE " + rcode;
    };
  }

  @Override
  public void close() throws IOException {
    closed = true;
    udp.close();
    tcp.close();
    Stopping.join(udpThread, 2_000);
    Stopping.join(tcpThread, 2_000);
  }
}
