package dev.wirelab.inspector;

import static dev.wirelab.inspector.Packets.ACK;
import static dev.wirelab.inspector.Packets.FIN;
import static dev.wirelab.inspector.Packets.PSH;
import static dev.wirelab.inspector.Packets.SYN;

import dev.wirelab.inspector.decode.DhcpMessageBuilder;
import dev.wirelab.inspector.decode.Dhcpv6MessageBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The small captures in src/test/resources/captures that were written here rather than captured,
 * each reproducing one situation a public capture showed. {@code GeneratedCapturesTest} checks that
 * the committed files are exactly what this class writes; to change one, edit it here and run
 * {@code main} with the captures folder as argument.
 */
public final class GeneratedCaptures {
  private static final String CLIENT = "10.0.0.1";
  private static final String SERVER = "10.0.0.2";

  /** File name to the frames it holds. */
  public static final Map<String, Supplier<Packets>> ALL =
      Map.of(
          "gen_dns_tcp_split.pcap", GeneratedCaptures::dnsOverTcpSplit,
          "gen_ipv4_fragments.pcap", GeneratedCaptures::ipv4Fragments,
          "gen_syn_retransmitted.pcap", GeneratedCaptures::synRetransmitted,
          "gen_tcp_story.pcap", GeneratedCaptures::tcpStory,
          "gen_dhcp_overload.pcap", GeneratedCaptures::dhcpOverload,
          "gen_dhcpv6_relay.pcap", GeneratedCaptures::dhcpv6Relay);

  private GeneratedCaptures() {}

  public static void main(String[] args) throws IOException {
    for (Map.Entry<String, Supplier<Packets>> capture : ALL.entrySet()) {
      capture.getValue().get().write(Path.of(args[0], capture.getKey()));
    }
  }

  /**
   * DHCP messages whose options go on in the BOOTP header's file and sname fields (option 52, RFC
   * 2132 9.3): an Offer overloading both, a Request whose requested address and host name are in
   * sname, and an ACK whose message type itself is in file while sname holds a real name.
   */
  static Packets dhcpOverload() {
    byte[] mac = {0x02, 0x00, 0x5e, 0x10, 0x00, 0x02};
    int[] serverId = {192, 0, 2, 1};
    int[] mask = {255, 255, 255, 0};
    int[] hour = {0, 0, 0x0e, 0x10};
    byte[] offer =
        new DhcpMessageBuilder(2, 0x0d0c0b0aL, mac)
            .yourIp(192, 0, 2, 123)
            .option(53, 2)
            .option(52, 3)
            .option(54, serverId)
            .inFile()
            .option(51, hour)
            .option(1, mask)
            .option(3, serverId)
            .inSname()
            .option(6, 192, 0, 2, 1, 192, 0, 2, 2)
            .option(15, "lab.example")
            .build(0);
    byte[] request =
        new DhcpMessageBuilder(1, 0x0d0c0b0aL, mac)
            .option(53, 3)
            .option(52, 2)
            .option(54, serverId)
            .inSname()
            .option(50, 192, 0, 2, 123)
            .option(12, "wirelab-student")
            .build(0);
    byte[] ack =
        new DhcpMessageBuilder(2, 0x0d0c0b0aL, mac)
            .yourIp(192, 0, 2, 123)
            .serverName("pxe.lab.example")
            .option(52, 1)
            .inFile()
            .option(53, 5)
            .option(54, serverId)
            .option(51, hour)
            .option(1, mask)
            .build(0);
    return new Packets()
        .add(100, dhcpFrame(offer))
        .add(100, dhcpFrame(request))
        .add(100, dhcpFrame(ack));
  }

  /**
   * A DHCP message on the wire: a reply (op 2) from the server to the client's new address, a
   * request broadcast by a client that has no address yet.
   */
  private static byte[] dhcpFrame(byte[] message) {
    return message[0] == 2
        ? Packets.udpFrame("192.0.2.1", 67, "192.0.2.123", 68, message)
        : Packets.udpFrame("0.0.0.0", 68, "255.255.255.255", 67, message);
  }

  /**
   * DHCPv6 through relay agents (RFC 8415 19 and 20): a client's Solicit in a Relay-forw to the
   * server and the Advertise back in a Relay-repl, each with the relay's Interface-ID; then a
   * Solicit that passed two relays, one Relay-forw inside the other.
   */
  static Packets dhcpv6Relay() {
    String relay = "2001:db8:1::1";
    String server = "2001:db8::2";
    String client = "fe80::2";
    byte[] clientId = {0, 3, 0, 1, 0x02, 0x00, 0x5e, 0x10, 0x00, 0x02};
    byte[] serverId = {0, 3, 0, 1, 0x02, 0x00, 0x5e, 0x10, 0x00, 0x01};
    byte[] interfaceId = "eth1".getBytes(StandardCharsets.US_ASCII);
    Dhcpv6MessageBuilder solicit =
        Dhcpv6MessageBuilder.message(1, 0x4a5b6c)
            .option(1, clientId)
            .option(8, 0, 0)
            .option(6, 0, 23);
    Dhcpv6MessageBuilder advertise =
        Dhcpv6MessageBuilder.message(2, 0x4a5b6c)
            .option(1, clientId)
            .option(2, serverId)
            .iaNa(1, "2001:db8:1::100", 3600, 7200)
            .option(23, Packets.address6("2001:db8::53"));
    Packets p = new Packets();
    p.add(
        100,
        Packets.udp6Frame(
            relay,
            547,
            server,
            547,
            Dhcpv6MessageBuilder.relay(12, 0, relay, client)
                .option(18, interfaceId)
                .relayMessage(solicit)
                .build()));
    p.add(
        100,
        Packets.udp6Frame(
            server,
            547,
            relay,
            547,
            Dhcpv6MessageBuilder.relay(13, 0, relay, client)
                .option(18, interfaceId)
                .relayMessage(advertise)
                .build()));
    String outer = "2001:db8:2::1";
    p.add(
        100,
        Packets.udp6Frame(
            outer,
            547,
            server,
            547,
            Dhcpv6MessageBuilder.relay(12, 1, "::", relay)
                .relayMessage(
                    Dhcpv6MessageBuilder.relay(12, 0, relay, client)
                        .option(18, interfaceId)
                        .relayMessage(solicit))
                .build()));
    return p;
  }

  /**
   * DNS over TCP where no message sits neatly in one segment: the query's 2-byte length travels
   * alone, and the server's two answers share a segment, the second one ending in the next.
   */
  static Packets dnsOverTcpSplit() {
    Packets p = new Packets();
    long c = 1000;
    long s = 5000;
    int port = 40000;
    byte[] query = Packets.withLength(Packets.dnsQuery(0x1234, "example.org"));
    byte[] first = Packets.withLength(Packets.dnsResponse(0x1234, "example.org", 1));
    byte[] second = Packets.withLength(Packets.dnsResponse(0x1235, "example.org", 3));
    handshake(p, port, 53, c, s);
    c++;
    s++;
    p.add(
        100, Packets.tcpFrame(CLIENT, port, SERVER, 53, c, s, PSH | ACK, Arrays.copyOf(query, 2)));
    p.add(
        100,
        Packets.tcpFrame(
            CLIENT,
            port,
            SERVER,
            53,
            c + 2,
            s,
            PSH | ACK,
            Arrays.copyOfRange(query, 2, query.length)));
    c += query.length;
    byte[] both = concat(first, Arrays.copyOf(second, 20));
    p.add(300, Packets.tcpFrame(SERVER, 53, CLIENT, port, s, c, PSH | ACK, both));
    p.add(
        100,
        Packets.tcpFrame(
            SERVER,
            53,
            CLIENT,
            port,
            s + both.length,
            c,
            PSH | ACK,
            Arrays.copyOfRange(second, 20, second.length)));
    s += first.length + second.length;
    p.add(100, Packets.tcpFrame(CLIENT, port, SERVER, 53, c, s, FIN | ACK, new byte[0]));
    p.add(100, Packets.tcpFrame(SERVER, 53, CLIENT, port, s, c + 1, FIN | ACK, new byte[0]));
    p.add(100, Packets.tcpFrame(CLIENT, port, SERVER, 53, c + 1, s + 1, ACK, new byte[0]));
    return p;
  }

  /**
   * A 1 710-byte DNS-over-UDP response in two IPv4 fragments (in order); another whose last
   * fragment arrives first and whose middle one is sent twice; and one with overlapping fragments,
   * which a host must discard whole (RFC 5722).
   */
  static Packets ipv4Fragments() {
    Packets p = new Packets();
    byte[] big =
        Packets.udp(SERVER, 53, CLIENT, 40001, Packets.dnsResponse(0x0aaa, "example.org", 104));
    for (byte[] fragment : Packets.ipv4Fragments(SERVER, CLIENT, 17, 0x100, big, 1480)) {
      p.add(100, fragment);
    }
    List<byte[]> three =
        Packets.ipv4Fragments(
            SERVER,
            CLIENT,
            17,
            0x101,
            Packets.udp(SERVER, 53, CLIENT, 40002, Packets.dnsResponse(0x0bbb, "example.org", 60)),
            400);
    p.add(1000, three.get(2)).add(100, three.get(1)).add(100, three.get(1)).add(100, three.get(0));
    byte[] overlapped =
        Packets.udp(SERVER, 53, CLIENT, 40003, Packets.dnsResponse(0x0ccc, "example.org", 40));
    List<byte[]> halves = Packets.ipv4Fragments(SERVER, CLIENT, 17, 0x102, overlapped, 400);
    byte[] overlap =
        Packets.ethernetIpv4(
            Packets.ipv4(
                SERVER,
                CLIENT,
                17,
                0x102,
                0x2000 | (392 / 8),
                Arrays.copyOfRange(overlapped, 392, 800)));
    p.add(1000, halves.get(0)).add(100, overlap);
    for (int i = 1; i < halves.size(); i++) {
      p.add(100, halves.get(i));
    }
    return p;
  }

  /**
   * An HTTP exchange in which the client's SYN, delayed in the network, arrives again after the
   * request: the connection must go on as if it had not been seen.
   */
  static Packets synRetransmitted() {
    Packets p = new Packets();
    long c = 7000;
    long s = 9000;
    int port = 40004;
    byte[] request =
        "GET /index.html HTTP/1.1\r\nHost: example.org\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] head =
        "HTTP/1.1 200 OK\r\nContent-Length: 12\r\nContent-Type: text/plain\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] body = "hello world\n".getBytes(StandardCharsets.US_ASCII);
    handshake(p, port, 80, c, s);
    c++;
    s++;
    p.add(100, Packets.tcpFrame(CLIENT, port, SERVER, 80, c, s, PSH | ACK, request));
    p.add(100, Packets.tcpFrame(CLIENT, port, SERVER, 80, c - 1, 0, SYN, new byte[0]));
    p.add(100, Packets.tcpFrame(SERVER, 80, CLIENT, port, s, c + request.length, PSH | ACK, head));
    p.add(
        100,
        Packets.tcpFrame(
            SERVER, 80, CLIENT, port, s + head.length, c + request.length, PSH | ACK, body));
    c += request.length;
    s += head.length + body.length;
    p.add(100, Packets.tcpFrame(CLIENT, port, SERVER, 80, c, s, FIN | ACK, new byte[0]));
    p.add(100, Packets.tcpFrame(SERVER, 80, CLIENT, port, s, c + 1, FIN | ACK, new byte[0]));
    p.add(100, Packets.tcpFrame(CLIENT, port, SERVER, 80, c + 1, s + 1, ACK, new byte[0]));
    return p;
  }

  /**
   * One connection that shows every tcp.analysis flag a textbook names: a lost segment and the
   * duplicate ACKs that follow, a fast retransmission, a spurious one, a zero window with its probe
   * and the window update that opens it, a keep-alive, an out-of-order segment and a segment that
   * fills the window. 1 ms between frames (the handshake's round trip is 0.2 ms).
   */
  static Packets tcpStory() {
    Packets p = new Packets();
    int port = 40010;
    int server = 8080;
    handshake(p, port, server, 100, 500);
    byte[] hundred = new byte[100];
    Arrays.fill(hundred, (byte) 'x');
    long s = 501;
    p.add(1000, client(port, server, 101, s, 65535, hundred));
    // 201-300 is lost in the network: never captured.
    p.add(1000, client(port, server, 301, s, 65535, hundred));
    p.add(1000, serverAck(port, server, s, 201, 65535));
    p.add(1000, client(port, server, 401, s, 65535, hundred));
    p.add(1000, serverAck(port, server, s, 201, 65535));
    p.add(1000, client(port, server, 501, s, 65535, hundred));
    p.add(1000, serverAck(port, server, s, 201, 65535));
    p.add(1000, serverAck(port, server, s, 201, 65535));
    p.add(1000, client(port, server, 201, s, 65535, hundred));
    p.add(1000, serverAck(port, server, s, 601, 65535));
    p.add(1000, client(port, server, 501, s, 65535, hundred));
    p.add(1000, serverAck(port, server, s, 601, 0));
    p.add(1000, client(port, server, 601, s, 65535, new byte[] {'x'}));
    p.add(1000, serverAck(port, server, s, 601, 0));
    p.add(1000, serverAck(port, server, s, 601, 65535));
    p.add(1000, client(port, server, 601, s, 65535, hundred));
    p.add(1000, serverAck(port, server, s, 701, 65535));
    p.add(1000, client(port, server, 700, s, 65535, new byte[0]));
    p.add(1000, serverAck(port, server, s, 701, 65535));
    p.add(1000, client(port, server, 801, s, 65535, hundred));
    p.add(100, client(port, server, 701, s, 65535, hundred));
    p.add(1000, serverAck(port, server, s, 901, 65535));
    p.add(1000, serverAck(port, server, s, 901, 100));
    p.add(1000, client(port, server, 901, s, 65535, hundred));
    p.add(1000, serverAck(port, server, s, 1001, 65535));
    return p;
  }

  private static byte[] client(
      int port, int server, long seq, long ack, int window, byte[] payload) {
    return Packets.tcpFrame(
        CLIENT,
        port,
        SERVER,
        server,
        seq,
        ack,
        payload.length > 0 ? PSH | ACK : ACK,
        window,
        payload);
  }

  private static byte[] serverAck(int port, int server, long seq, long ack, int window) {
    return Packets.tcpFrame(SERVER, server, CLIENT, port, seq, ack, ACK, window, new byte[0]);
  }

  private static void handshake(Packets p, int port, int serverPort, long c, long s) {
    p.add(0, Packets.tcpFrame(CLIENT, port, SERVER, serverPort, c, 0, SYN, new byte[0]));
    p.add(
        100, Packets.tcpFrame(SERVER, serverPort, CLIENT, port, s, c + 1, SYN | ACK, new byte[0]));
    p.add(100, Packets.tcpFrame(CLIENT, port, SERVER, serverPort, c + 1, s + 1, ACK, new byte[0]));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
