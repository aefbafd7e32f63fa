package dev.wirelab.inspector.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Packets;
import dev.wirelab.inspector.model.DecodedFrame;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Build, then bytes, then parse: messages of the UDP application protocols made byte by byte here
 * decode to the values they were built from, and a cut message is malformed, with what was read
 * kept.
 */
class UdpDecodersTest {
  private static final byte[] MAC = {0x00, 0x0b, (byte) 0x82, 0x01, (byte) 0xfc, 0x42};

  private final FrameDecoder decoder = new FrameDecoder(List.of());

  @Test
  void dhcpDiscoverRoundTrip() {
    byte[] discover =
        new DhcpMessageBuilder(1, 0x3903f326L, MAC)
            .option(53, 1)
            .option(50, 192, 168, 0, 10)
            .option(12, "student-pc")
            .option(55, 1, 3, 6, 15, 119)
            .build(0);

    DecodedFrame frame = udp("0.0.0.0", 68, "255.255.255.255", 67, discover);

    assertThat(frame.malformed()).isEmpty();
    assertThat(frame.summary())
        .endsWith("DHCP Discover xid 0x3903f326 from 00:0b:82:01:fc:42 for 192.168.0.10");
    Map<String, Object> json = frame.json();
    assertThat(json)
        .containsEntry("dhcp.type", 1)
        .containsEntry("dhcp.xid", 0x3903f326L)
        .containsEntry("dhcp.client_mac", "00:0b:82:01:fc:42")
        .containsEntry("dhcp.your_ip", "0.0.0.0")
        .containsEntry("dhcp.option.requested_ip_address", "192.168.0.10")
        .containsEntry("dhcp.option.hostname", "student-pc")
        .containsEntry("dhcp.option.request_list_item", List.of(1, 3, 6, 15, 119));
    assertThat(field(frame, "Parameter request list (55)"))
        .isEqualTo(
            "Subnet mask (1), Router (3), Domain name servers (6), Domain name (15), Option 119 (119)");
  }

  @Test
  void dhcpAckRoundTrip() {
    byte[] ack =
        new DhcpMessageBuilder(2, 0xdeadbeefL, MAC)
            .yourIp(192, 168, 0, 10)
            .option(53, 5)
            .option(54, 192, 168, 0, 1)
            .option(51, 0, 1, 0x51, 0x80)
            .option(1, 255, 255, 255, 0)
            .option(3, 192, 168, 0, 1)
            .option(6, 192, 168, 0, 1, 9, 9, 9, 9)
            .build(0);

    DecodedFrame frame = udp("192.168.0.1", 67, "192.168.0.10", 68, ack);

    assertThat(frame.summary())
        .endsWith("DHCP ACK xid 0xdeadbeef to 00:0b:82:01:fc:42: 192.168.0.10, lease 86400 s");
    assertThat(frame.json())
        .containsEntry("dhcp.type", 5)
        .containsEntry("dhcp.your_ip", "192.168.0.10")
        .containsEntry("dhcp.option.dhcp_server_id", "192.168.0.1")
        .containsEntry("dhcp.option.ip_address_lease_time", 86400L)
        .containsEntry("dhcp.option.subnet_mask", "255.255.255.0")
        .containsEntry("dhcp.option.router", List.of("192.168.0.1"))
        .containsEntry("dhcp.option.domain_name_server", List.of("192.168.0.1", "9.9.9.9"));
    assertThat(field(frame, "IP address lease time (51)")).isEqualTo("86400 s");
  }

  @Test
  void dhcpWithoutMessageTypeIsBootp() {
    byte[] reply = new DhcpMessageBuilder(2, 7, MAC).yourIp(10, 0, 0, 5).build(0);

    DecodedFrame frame = udp("10.0.0.1", 67, "10.0.0.5", 68, reply);

    assertThat(frame.summary())
        .endsWith("BOOTP Reply xid 0x00000007 to 00:0b:82:01:fc:42: 10.0.0.5");
    assertThat(frame.json()).doesNotContainKey("dhcp.type");
  }

  @Test
  void dhcpOptionCutShortIsMalformedButTheSummaryStays() {
    byte[] offer =
        new DhcpMessageBuilder(2, 0x01020304L, MAC)
            .yourIp(192, 168, 0, 10)
            .option(53, 2)
            .option(51, 0, 0, 0x0e, 0x10)
            .build(3);

    DecodedFrame frame = udp("192.168.0.1", 67, "192.168.0.10", 68, offer);

    assertThat(frame.malformed())
        .containsExactly("DHCP option 51 value needs 4 bytes, only 2 present");
    assertThat(frame.summary())
        .endsWith("DHCP Offer xid 0x01020304 to 00:0b:82:01:fc:42: 192.168.0.10");
  }

  @Test
  void dhcpOptionsGoOnInTheFileAndSnameFieldsWhenOverloaded() {
    byte[] ack =
        new DhcpMessageBuilder(2, 0x0a0b0c0dL, MAC)
            .yourIp(192, 168, 0, 10)
            .option(52, 3)
            .inFile()
            .option(53, 5)
            .option(51, 0, 0, 0x0e, 0x10)
            .inSname()
            .option(3, 192, 168, 0, 1)
            .build(0);

    DecodedFrame frame = udp("192.168.0.1", 67, "192.168.0.10", 68, ack);

    assertThat(frame.malformed()).isEmpty();
    assertThat(frame.summary())
        .endsWith("DHCP ACK xid 0x0a0b0c0d to 00:0b:82:01:fc:42: 192.168.0.10, lease 3600 s");
    assertThat(frame.json())
        .containsEntry("dhcp.option.option_overload", 3)
        .containsEntry("dhcp.type", 5)
        .containsEntry("dhcp.option.router", List.of("192.168.0.1"));
    assertThat(field(frame, "Boot file name")).isEqualTo("(options)");
    assertThat(field(frame, "Server host name")).isEqualTo("(options)");
  }

  @Test
  void withoutOverloadTheSnameFieldIsAName() {
    byte[] ack =
        new DhcpMessageBuilder(2, 1, MAC).serverName("pxe.lab.example").option(53, 5).build(0);

    DecodedFrame frame = udp("192.168.0.1", 67, "192.168.0.10", 68, ack);

    assertThat(field(frame, "Server host name")).isEqualTo("pxe.lab.example");
    assertThat(frame.json()).doesNotContainKey("dhcp.option.option_overload");
  }

  @Test
  void dhcpOptionCutShortInTheFileFieldIsMalformed() {
    byte[] offer = new DhcpMessageBuilder(2, 2, MAC).option(53, 2).option(52, 1).build(0);
    // Option 51 says 4 bytes, but starts 2 bytes before the end of the 128-byte file field.
    offer[108 + 126] = 51;
    offer[108 + 127] = 4;

    DecodedFrame frame = udp("192.168.0.1", 67, "192.168.0.10", 68, offer);

    assertThat(frame.malformed())
        .containsExactly("DHCP option 51 value needs 4 bytes, only 0 present");
    assertThat(frame.summary()).contains("DHCP Offer xid 0x00000002");
  }

  @Test
  void bootpHeaderCutShortIsMalformed() {
    byte[] cut = new DhcpMessageBuilder(1, 1, MAC).build(100);

    DecodedFrame frame =
        udp("0.0.0.0", 68, "255.255.255.255", 67, java.util.Arrays.copyOf(cut, 200));

    assertThat(frame.malformed()).containsExactly("BOOTP header needs 236 bytes, only 200 present");
  }

  @Test
  void ntpServerRoundTrip() {
    byte[] ntp = new byte[48];
    ntp[0] = 0x24; // leap 0, version 4, mode 4 (server)
    ntp[1] = 2;
    ntp[12] = (byte) 192;
    ntp[13] = 0;
    ntp[14] = 2;
    ntp[15] = 9;
    // Transmit: 0xEB6B2A6E seconds since 1900 = 2025-02-27T18:16:14Z, fraction 0x80000000 = 0.5 s.
    Packets.put16(ntp, 40, 0xEB6B);
    Packets.put16(ntp, 42, 0x2A6E);
    ntp[44] = (byte) 0x80;
    // Receive: seconds 1 with the top bit clear, so era 1: 2036-02-07T06:28:17Z.
    ntp[35] = 1;

    DecodedFrame frame = udp("192.0.2.1", 123, "192.0.2.2", 123, ntp);

    assertThat(frame.malformed()).isEmpty();
    assertThat(frame.summary())
        .endsWith("NTPv4 server, stratum 2, transmit 2025-02-27 18:16:14.500000000 UTC");
    assertThat(frame.json())
        .containsEntry("ntp.version", 4)
        .containsEntry("ntp.mode", 4)
        .containsEntry("ntp.stratum", 2)
        .containsEntry("ntp.xmt", "2025-02-27T18:16:14.500Z")
        .containsEntry("ntp.rec", "2036-02-07T06:28:17Z")
        .doesNotContainKeys("ntp.reftime", "ntp.org");
    assertThat(field(frame, "Reference ID")).isEqualTo("192.0.2.9");
    assertThat(field(frame, "Origin timestamp")).isEqualTo("0");
  }

  @Test
  void ntpControlMessageHasNoTimestamps() {
    byte[] control = {0x16, 0x02, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};

    DecodedFrame frame = udp("192.0.2.2", 40000, "192.0.2.1", 123, control);

    assertThat(frame.malformed()).isEmpty();
    assertThat(frame.summary()).endsWith("NTPv2 control message");
    assertThat(frame.json()).containsEntry("ntp.mode", 6).doesNotContainKey("ntp.stratum");
  }

  @Test
  void ntpCutShortIsMalformed() {
    byte[] cut = new byte[30];
    cut[0] = 0x23;

    DecodedFrame frame = udp("192.0.2.2", 40000, "192.0.2.1", 123, cut);

    assertThat(frame.malformed()).containsExactly("NTP header needs 48 bytes, only 30 present");
    assertThat(frame.summary()).endsWith("NTPv4 client");
  }

  @Test
  void dhcpv6ReplyRoundTrip() {
    byte[] reply =
        bytes(
            7,
            0x12,
            0x34,
            0x56, // Reply, transaction id 0x123456
            0,
            3,
            0,
            40,
            0,
            0,
            0,
            9,
            0,
            0,
            0,
            100,
            0,
            0,
            0,
            (byte) 160, // IA_NA, IAID 9, T1, T2
            0,
            5,
            0,
            24,
            0x20,
            0x01,
            0x0d,
            (byte) 0xb8,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0x01,
            0x61,
            0,
            0,
            0,
            (byte) 200,
            0,
            0,
            1,
            44, // IA address 2001:db8::161, preferred 200, valid 300
            0,
            23,
            0,
            16,
            0x20,
            0x01,
            0x0d,
            (byte) 0xb8,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            1);

    DecodedFrame frame = udp6(547, 546, reply);

    assertThat(frame.malformed()).isEmpty();
    assertThat(frame.summary()).endsWith("DHCPv6 Reply xid 0x123456: 2001:db8::161");
    assertThat(frame.json())
        .containsEntry("dhcpv6.type", 7)
        .containsEntry("dhcpv6.xid", 0x123456)
        .containsEntry("dhcpv6.option.type", List.of(3, 5, 23))
        .containsEntry("dhcpv6.iaaddr.ip", "2001:db8::161")
        .containsEntry("dhcpv6.dns_server", List.of("2001:db8::1"));
    assertThat(field(frame, "  IA address (5)"))
        .isEqualTo("2001:db8::161, preferred 200 s, valid 300 s");
  }

  @Test
  void dhcpv6RelayRoundTripDecodesTheRelayedMessage() {
    byte[] relay =
        Dhcpv6MessageBuilder.relay(13, 2, "2001:db8:1::1", "fe80::2")
            .relayMessage(
                Dhcpv6MessageBuilder.message(7, 0x123456).iaNa(9, "2001:db8::161", 200, 300))
            .build();

    DecodedFrame frame = udp6(547, 547, relay);

    assertThat(frame.malformed()).isEmpty();
    assertThat(frame.summary())
        .endsWith(
            "DHCPv6 Relay-repl (hop count 2, peer fe80::2): Reply xid 0x123456: 2001:db8::161");
    assertThat(frame.json())
        .containsEntry("dhcpv6.type", 13)
        .containsEntry("dhcpv6.hopcount", 2)
        .containsEntry("dhcpv6.linkaddr", "2001:db8:1::1")
        .containsEntry("dhcpv6.peeraddr", "fe80::2")
        .containsEntry("dhcpv6.xid", 0x123456)
        .containsEntry("dhcpv6.option.type", List.of(9, 3, 5))
        .containsEntry("dhcpv6.iaaddr.ip", "2001:db8::161");
    assertThat(field(frame, "  Message type")).isEqualTo("7 Reply");
    assertThat(field(frame, "    IA address (5)"))
        .isEqualTo("2001:db8::161, preferred 200 s, valid 300 s");
  }

  @Test
  void dhcpv6RelaysNestedDeeperThanTheHopLimitAreNotFollowed() {
    Dhcpv6MessageBuilder message = Dhcpv6MessageBuilder.message(1, 1);
    for (int hops = 0; hops < 9; hops++) {
      message = Dhcpv6MessageBuilder.relay(12, hops, "::", "fe80::2").relayMessage(message);
    }

    DecodedFrame frame = udp6(547, 547, message.build());

    assertThat(frame.malformed()).isEmpty();
    // Nine relay messages are read (hop counts 8 down to 0); the Solicit in the ninth is not.
    StringBuilder relays = new StringBuilder("DHCPv6 Relay-forw (hop count 8, peer fe80::2)");
    for (int hops = 7; hops >= 0; hops--) {
      relays.append(": Relay-forw (hop count ").append(hops).append(", peer fe80::2)");
    }
    assertThat(frame.summary()).endsWith(relays.toString());
    assertThat(field(frame, "                Relay message (9)"))
        .isEqualTo("4 bytes (inside more than 8 relays: not followed)");
    assertThat(frame.json()).containsEntry("dhcpv6.hopcount", 8).doesNotContainKey("dhcpv6.xid");
  }

  @Test
  void dhcpv6RelayHeaderCutShortIsMalformed() {
    byte[] relay = Dhcpv6MessageBuilder.relay(12, 0, "::", "fe80::2").build();

    DecodedFrame frame = udp6(547, 547, java.util.Arrays.copyOf(relay, 30));

    assertThat(frame.malformed())
        .containsExactly("DHCPv6 relay header needs 34 bytes, only 30 present");
    assertThat(frame.json()).containsEntry("dhcpv6.type", 12);
  }

  @Test
  void dhcpv6OptionRunningPastTheEndIsMalformed() {
    byte[] solicit = bytes(1, 0, 0, 1, 0, 1, 0, 14, 0, 1);

    DecodedFrame frame = udp6(546, 547, solicit);

    assertThat(frame.malformed())
        .containsExactly("DHCPv6 option 1 value needs 14 bytes, only 2 present");
    assertThat(frame.summary()).endsWith("DHCPv6 Solicit xid 0x000001");
  }

  @Test
  void ssdpAnswerRoundTrip() {
    String answer =
        "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=120\r\nST: upnp:rootdevice\r\n"
            + "USN: uuid:1234::upnp:rootdevice\r\nLOCATION: http://192.0.2.1:5000/rootDesc.xml\r\n\r\n";

    DecodedFrame frame = udp("192.0.2.1", 1900, "192.0.2.2", 48532, ascii(answer));

    assertThat(frame.malformed()).isEmpty();
    assertThat(frame.summary())
        .endsWith("SSDP 200 OK, ST upnp:rootdevice LOCATION http://192.0.2.1:5000/rootDesc.xml");
    assertThat(frame.json()).containsEntry("http.status", 200).doesNotContainKey("http.method");
    assertThat(field(frame, "CACHE-CONTROL")).isEqualTo("max-age=120");
  }

  @Test
  void ssdpNotifyRoundTrip() {
    String notify =
        "NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nNT: upnp:rootdevice\r\n"
            + "NTS: ssdp:alive\r\nUSN: uuid:1234::upnp:rootdevice\r\n\r\n";

    DecodedFrame frame = udp("192.0.2.1", 1900, "239.255.255.250", 1900, ascii(notify));

    assertThat(frame.summary()).endsWith("SSDP NOTIFY *, NT upnp:rootdevice NTS ssdp:alive");
    assertThat(frame.json()).containsEntry("http.method", "NOTIFY").containsEntry("http.uri", "*");
  }

  @Test
  void ssdpPortWithoutHttpIsMalformed() {
    DecodedFrame frame = udp("192.0.2.1", 1900, "192.0.2.2", 1900, ascii("hello"));

    assertThat(frame.malformed())
        .containsExactly("SSDP message does not start with an HTTP request or status line");
  }

  @Test
  void nbnsAnswerRoundTrip() {
    // A positive name query response: WORKGROUP<1d> is at 192.0.2.1 (RFC 1002 4.2.13).
    byte[] name = netbiosName("WORKGROUP", 0x1d);
    byte[] answer = new byte[12 + name.length + 10 + 6];
    Packets.put16(answer, 0, 0x4242);
    Packets.put16(answer, 2, 0x8500);
    Packets.put16(answer, 6, 1);
    System.arraycopy(name, 0, answer, 12, name.length);
    int at = 12 + name.length;
    Packets.put16(answer, at, 0x20);
    Packets.put16(answer, at + 2, 1);
    answer[at + 7] = 60;
    Packets.put16(answer, at + 8, 6);
    answer[at + 12] = (byte) 192;
    answer[at + 14] = 2;
    answer[at + 15] = 1;

    DecodedFrame frame = udp("192.0.2.1", 137, "192.0.2.2", 137, answer);

    assertThat(frame.malformed()).isEmpty();
    assertThat(frame.summary())
        .endsWith("NBNS name query response 0x4242 WORKGROUP<1d>: 192.0.2.1");
    assertThat(frame.json())
        .containsEntry("nbns.id", 0x4242)
        .containsEntry("nbns.name", "WORKGROUP<1d> (Local Master Browser)")
        .containsEntry("nbns.type", 0x20);
  }

  @Test
  void nbnsNameOutsideTheEncodingIsMalformed() {
    byte[] query = new byte[12 + 34 + 4];
    Packets.put16(query, 4, 1);
    query[12] = 32;
    java.util.Arrays.fill(query, 13, 45, (byte) 'Z');

    DecodedFrame frame = udp("192.0.2.2", 40000, "192.0.2.1", 137, query);

    assertThat(frame.malformed())
        .containsExactly("NetBIOS name letter outside A-P: not in the first-level encoding");
  }

  @Test
  void igmpQueriesByVersion() {
    byte[] v2 = {0x11, 100, 0, 0, 0, 0, 0, 0};
    byte[] v3 = {0x11, 100, 0, 0, (byte) 239, 1, 2, 3, 0, 125, 0, 0};

    DecodedFrame general = igmp(v2);
    DecodedFrame specific = igmp(v3);

    assertThat(general.summary())
        .isEqualTo("IP 192.0.2.1 > 224.0.0.1: IGMPv2 membership query (general)");
    assertThat(general.json())
        .containsEntry("igmp.version", 2)
        .containsEntry("igmp.maddr", "0.0.0.0");
    assertThat(field(general, "Max response time")).isEqualTo("10.0 s");
    assertThat(specific.summary())
        .isEqualTo("IP 192.0.2.1 > 224.0.0.1: IGMPv3 membership query 239.1.2.3");
    assertThat(specific.json()).containsEntry("igmp.version", 3);
    assertThat(field(specific, "Max response time")).isEqualTo("10.0 s");
    // Code 0x8f in IGMPv3: mantissa 15, exponent 0, so (15 | 16) << 3 = 248 tenths.
    byte[] longWait = v3.clone();
    longWait[1] = (byte) 0x8f;
    assertThat(field(igmp(longWait), "Max response time")).isEqualTo("24.8 s");
  }

  @Test
  void igmpV3RecordCutShortIsMalformed() {
    byte[] report = {0x22, 0, 0, 0, 0, 0, 0, 2, 4, 0, 0, 0, (byte) 239, 1, 2, 4, 1, 0, 0, 2};

    DecodedFrame frame = igmp(report);

    assertThat(frame.malformed())
        .containsExactly("IGMPv3 group record needs 8 bytes, only 4 present");
    assertThat(frame.summary()).endsWith("IGMPv3 membership report: join 239.1.2.4");
  }

  @Test
  void namesTheServiceOfAPortItDoesNotDecode() {
    byte[] payload = {0x40, 1, 2, 3};

    assertThat(udp("192.0.2.2", 51000, "192.0.2.1", 69, payload).summary())
        .endsWith("UDP, length 4 TFTP (port 69, not decoded)");
    assertThat(udp("192.0.2.1", 51820, "192.0.2.2", 51821, payload).summary())
        .endsWith("UDP, length 4 WireGuard (port 51820, not decoded)");
    assertThat(udp("192.0.2.1", 161, "192.0.2.2", 1812, payload).summary())
        .endsWith("UDP, length 4 SNMP (port 161, not decoded)");
    assertThat(udp("192.0.2.1", 40000, "192.0.2.2", 40001, payload).summary())
        .endsWith("UDP, length 4");
    assertThat(field(udp("192.0.2.2", 51000, "192.0.2.1", 69, payload), "Destination port"))
        .isEqualTo("69");
  }

  @Test
  void everyServiceHasItsOwnPort() {
    assertThat(java.util.Arrays.stream(UdpService.values()).map(UdpService::port).distinct())
        .hasSize(UdpService.values().length);
    for (UdpService service : UdpService.values()) {
      assertThat(UdpService.of(service.port())).isSameAs(service);
    }
  }

  private DecodedFrame igmp(byte[] message) {
    byte[] frame = Packets.ethernetIpv4(Packets.ipv4("192.0.2.1", "224.0.0.1", 2, 1, 0, message));
    return decoder.decode(1, 0, 0, frame.length, 1, frame);
  }

  /** The first-level encoding (RFC 1001 14.1) of a name padded with spaces, then its suffix. */
  private static byte[] netbiosName(String name, int suffix) {
    byte[] encoded = new byte[34];
    encoded[0] = 32;
    String padded = String.format(java.util.Locale.ROOT, "%-15s", name);
    for (int i = 0; i < 16; i++) {
      int b = i < 15 ? padded.charAt(i) : suffix;
      encoded[1 + 2 * i] = (byte) ('A' + (b >> 4));
      encoded[2 + 2 * i] = (byte) ('A' + (b & 15));
    }
    return encoded;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** A frame from fe80::1 to ff02::1:2 (all DHCP agents). */
  private DecodedFrame udp6(int srcPort, int dstPort, byte[] payload) {
    byte[] frame = Packets.udp6Frame("fe80::1", srcPort, "ff02::1:2", dstPort, payload);
    return decoder.decode(1, 0, 0, frame.length, 1, frame);
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private DecodedFrame udp(String src, int srcPort, String dst, int dstPort, byte[] payload) {
    byte[] frame = Packets.udpFrame(src, srcPort, dst, dstPort, payload);
    return decoder.decode(1, 0, 0, frame.length, 1, frame);
  }

  static String field(DecodedFrame frame, String label) {
    return frame.layers().stream()
        .flatMap(layer -> layer.fields().stream())
        .filter(field -> field.label().equals(label))
        .map(field -> field.value())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field " + label));
  }
}
