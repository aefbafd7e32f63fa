package dev.wirelab.inspector.tshark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.testkit.RealClock;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real tshark on a capture and turns its per-frame fields into the flat names the
 * inspector's {@code --json} uses, exactly as the shared {@code tshark-oracle.sh} does: reassembly
 * off, raw sequence numbers, outermost IP, transport fields only when not quoted in ICMP.
 */
final class TsharkOracle {
  private static final List<String> FIELDS =
      Arrays.asList(
          ("frame.number frame.interface_id frame.time_epoch"
                  + " frame.len frame.cap_len frame.protocols eth.src eth.dst eth.type vlan.id vlan.etype ieee8021ad.id"
                  + " sll.pkttype sll.hatype sll.src.eth sll.src.other sll.src.ipv4 sll.etype sll.ltype sll.ifindex"
                  + " null.family ip.version ip.src ip.dst ip.ttl ip.proto ip.len ip.id ip.hdr_len"
                  + " ipv6.src ipv6.dst ipv6.hlim ipv6.nxt ipv6.plen"
                  + " arp.opcode arp.src.hw_mac arp.src.proto_ipv4 arp.dst.hw_mac arp.dst.proto_ipv4"
                  + " icmp.type icmp.code icmpv6.type icmpv6.code"
                  + " tcp.srcport tcp.dstport tcp.seq_raw tcp.ack_raw tcp.flags tcp.window_size_value tcp.len tcp.hdr_len"
                  + " udp.srcport udp.dstport udp.length"
                  + " dns.id dns.flags.response dns.qry.name dns.flags.rcode dns.count.queries dns.count.answers"
                  + " http.request.method http.request.uri http.response.code websocket.fin websocket.opcode websocket.mask"
                  + " websocket.payload_length websocket.payload_length_ext_16 websocket.payload_length_ext_64"
                  + " ip.checksum.status tcp.checksum.status udp.checksum.status icmp.checksum.status icmpv6.checksum.status"
                  + " ip.flags.mf ip.frag_offset tcp.analysis.duplicate_ack_num"
                  + " tls.record.content_type tls.record.version tls.handshake.type"
                  + " tls.handshake.extensions_server_name tls.handshake.extensions_alpn_str"
                  + " quic.header_form quic.version quic.long.packet_type quic.dcid quic.scid"
                  + " quic.length "
                  + String.join(" ", analysisFields()))
              .split(" "));

  /**
   * tshark's tcp.analysis.* flags in the oracle's order; the oracle lists the set ones as
   * tcp.analysis.
   */
  static final List<String> TCP_ANALYSIS =
      List.of(
          "retransmission",
          "fast_retransmission",
          "spurious_retransmission",
          "duplicate_ack",
          "out_of_order",
          "lost_segment",
          "ack_lost_segment",
          "zero_window",
          "zero_window_probe",
          "window_full",
          "window_update",
          "keep_alive");

  /** Set on a frame whose decoding depends on reassembly: DNS over TCP, an IP fragment. */
  static final String NEEDS_REASSEMBLY = "tshark.needs_reassembly";

  private static final String FLAG_LETTERS = "NCEUAPRSF";
  private static final long TIMEOUT_SECONDS = 120;
  private static final ObjectMapper JSON = new ObjectMapper();

  private TsharkOracle() {}

  private static List<String> analysisFields() {
    return List.of(
        "tcp.analysis.retransmission",
        "tcp.analysis.fast_retransmission",
        "tcp.analysis.spurious_retransmission",
        "tcp.analysis.duplicate_ack",
        "tcp.analysis.out_of_order",
        "tcp.analysis.lost_segment",
        "tcp.analysis.ack_lost_segment",
        "tcp.analysis.zero_window",
        "tcp.analysis.zero_window_probe",
        "tcp.analysis.window_full",
        "tcp.analysis.window_update",
        "tcp.analysis.keep_alive");
  }

  static List<Map<String, Object>> decode(Path capture, Path configDir)
      throws IOException, InterruptedException {
    return decode(capture, configDir, false);
  }

  /**
   * @param reassemble keep tshark's TCP reassembly and IP defragmentation on (the oracle's {@code
   *     --reassemble}): how DNS over TCP and fragmented datagrams are decoded
   */
  static List<Map<String, Object>> decode(Path capture, Path configDir, boolean reassemble)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "tshark",
                "-r",
                capture.toString(),
                "-n",
                "-T",
                "ek",
                "-o",
                "tcp.relative_sequence_numbers:FALSE",
                "-o",
                "tcp.analyze_sequence_numbers:TRUE"));
    if (!reassemble) {
      // Checked in the per-packet run only: with checksums checked tshark reassembles no segment
      // whose checksum is wrong, and on loopback all are (offloaded). The reassembled run is read
      // for payload fields only (Reassembled), which do not depend on checksums.
      command.addAll(
          List.of(
              "-o",
              "ip.check_checksum:TRUE",
              "-o",
              "tcp.check_checksum:TRUE",
              "-o",
              "udp.check_checksum:TRUE"));
      command.addAll(
          List.of(
              "-o",
              "tcp.desegment_tcp_streams:FALSE",
              "-o",
              "ip.defragment:FALSE",
              "-o",
              "ipv6.defragment:FALSE"));
    }
    for (String field : FIELDS) {
      command.add("-e");
      command.add(field);
    }
    for (String field : UdpOracleFields.FIELDS) {
      command.add("-e");
      command.add(field);
    }
    ProcessBuilder builder =
        RealClock.forChild(
            new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD));
    builder.environment().put("WIRESHARK_CONFIG_DIR", configDir.toString());
    Process tshark = builder.start();
    List<Integer> linkTypes = LinkTypes.of(capture);
    List<Map<String, Object>> frames = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(tshark.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("{\"timestamp\"")) {
          frames.add(convert(JSON.readTree(line).path("layers"), linkTypes));
        }
      }
    }
    if (!tshark.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      tshark.destroyForcibly();
      throw new IOException("tshark did not finish within " + TIMEOUT_SECONDS + " s on " + capture);
    }
    return frames;
  }

  private static Map<String, Object> convert(JsonNode layers, List<Integer> linkTypes) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("frame", num(first(layers, "frame.number")));
    o.put("cap_len", num(first(layers, "frame.cap_len")));
    o.put("len", num(first(layers, "frame.len")));
    String ts = first(layers, "frame.time_epoch");
    if (ts != null) {
      String[] parts = ts.split("\\.", 2);
      o.put("ts", parts[0] + "." + ((parts.length > 1 ? parts[1] : "") + "000000").substring(0, 6));
    }
    String iface = first(layers, "frame.interface_id");
    int index = iface == null ? 0 : (int) num(iface);
    if (index < linkTypes.size()) {
      o.put("link.type", (long) linkTypes.get(index));
    }
    List<String> protocols = List.of(String.valueOf(first(layers, "frame.protocols")).split(":"));
    copy(o, layers, "eth.src", "eth.src");
    copy(o, layers, "eth.dst", "eth.dst");
    copyNum(o, layers, "eth.type", "eth.type");
    List<Long> vlans = new ArrayList<>();
    all(layers, "ieee8021ad.id").forEach(v -> vlans.add(num(v)));
    all(layers, "vlan.id").forEach(v -> vlans.add(num(v)));
    if (!vlans.isEmpty()) {
      o.put("vlan.id", vlans);
      List<String> etypes = all(layers, "vlan.etype");
      if (!etypes.isEmpty()) {
        o.put("vlan.etype", num(etypes.get(etypes.size() - 1)));
      }
    }
    if (protocols.contains("sll")) {
      copyNum(o, layers, "sll.pkttype", "sll.pkttype");
      copyNum(o, layers, "sll.hatype", "sll.hatype");
      copyNum(o, layers, "sll.ifindex", "sll.ifindex");
      String src = firstOf(layers, "sll.src.eth", "sll.src.ipv4", "sll.src.other");
      if (src != null) {
        o.put("sll.src", src.toLowerCase(Locale.ROOT));
      }
      String protocol = firstOf(layers, "sll.etype", "sll.ltype");
      if (protocol != null) {
        o.put("sll.protocol", num(protocol));
      }
    }
    copyNum(o, layers, "null.family", "null.family");
    outermostIp(o, layers, protocols);
    if (first(layers, "arp.opcode") != null) {
      copyNum(o, layers, "arp.opcode", "arp.opcode");
      copy(o, layers, "arp.sender_mac", "arp.src.hw_mac");
      copy(o, layers, "arp.sender_ip", "arp.src.proto_ipv4");
      copy(o, layers, "arp.target_mac", "arp.dst.hw_mac");
      copy(o, layers, "arp.target_ip", "arp.dst.proto_ipv4");
    }
    for (String family : List.of("icmp", "icmpv6")) {
      if (first(layers, family + ".type") != null) {
        copyNum(o, layers, family + ".type", family + ".type");
        copyNum(o, layers, family + ".code", family + ".code");
      }
    }
    transport(o, layers, protocols);
    for (String protocol : List.of("ip", "tcp", "udp", "icmp", "icmpv6")) {
      String status = first(layers, protocol + ".checksum.status");
      if ("0".equals(status) || "1".equals(status)) {
        o.put(protocol + ".checksum.status", "1".equals(status) ? "good" : "bad");
      }
    }
    String moreFragments = first(layers, "ip.flags.mf");
    String fragmentOffset = first(layers, "ip.frag_offset");
    boolean fragment =
        protocols.contains("ipv6.fraghdr")
            || flag(moreFragments)
            || (fragmentOffset != null && num(fragmentOffset) != 0);
    boolean overTcp =
        protocols.contains("tcp") && (protocols.contains("dns") || protocols.contains("tls"));
    if (fragment || overTcp) {
      o.put(NEEDS_REASSEMBLY, true);
    }
    return o;
  }

  private static void outermostIp(Map<String, Object> o, JsonNode layers, List<String> protocols) {
    String outer =
        protocols.stream().filter(p -> p.equals("ip") || p.equals("ipv6")).findFirst().orElse(null);
    if ("ip".equals(outer) && first(layers, "ip.src") != null) {
      o.put("ip.version", 4L);
      copy(o, layers, "ip.src", "ip.src");
      copy(o, layers, "ip.dst", "ip.dst");
      for (String field : List.of("ip.ttl", "ip.proto", "ip.len", "ip.id", "ip.hdr_len")) {
        copyNum(o, layers, field, field);
      }
    } else if ("ipv6".equals(outer) && first(layers, "ipv6.src") != null) {
      o.put("ip.version", 6L);
      copy(o, layers, "ip.src", "ipv6.src");
      copy(o, layers, "ip.dst", "ipv6.dst");
      copyNum(o, layers, "ip.ttl", "ipv6.hlim");
      copyNum(o, layers, "ip.proto", "ipv6.nxt");
      copyNum(o, layers, "ip.plen", "ipv6.plen");
    }
  }

  private static void transport(Map<String, Object> o, JsonNode layers, List<String> protocols) {
    int icmpAt = Integer.MAX_VALUE;
    for (int i = 0; i < protocols.size(); i++) {
      if (protocols.get(i).equals("icmp") || protocols.get(i).equals("icmpv6")) {
        icmpAt = Math.min(icmpAt, i);
      }
    }
    boolean tcp = protocols.contains("tcp") && protocols.indexOf("tcp") < icmpAt;
    boolean udp = protocols.contains("udp") && protocols.indexOf("udp") < icmpAt;
    if (tcp && first(layers, "tcp.srcport") != null) {
      copyNum(o, layers, "tcp.srcport", "tcp.srcport");
      copyNum(o, layers, "tcp.dstport", "tcp.dstport");
      copyNum(o, layers, "tcp.seq", "tcp.seq_raw");
      copyNum(o, layers, "tcp.ack", "tcp.ack_raw");
      copyNum(o, layers, "tcp.window", "tcp.window_size_value");
      copyNum(o, layers, "tcp.len", "tcp.len");
      copyNum(o, layers, "tcp.hdr_len", "tcp.hdr_len");
      String flags = first(layers, "tcp.flags");
      if (flags != null) {
        long bits = num(flags);
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 9; i++) {
          if ((bits & (0x100 >> i)) != 0) {
            letters.append(FLAG_LETTERS.charAt(i));
          }
        }
        o.put("tcp.flags", letters.toString());
      }
      List<String> analysis = new ArrayList<>();
      for (String name : TCP_ANALYSIS) {
        if (!all(layers, "tcp.analysis." + name).isEmpty()) {
          analysis.add(name);
        }
      }
      if (!analysis.isEmpty()) {
        o.put("tcp.analysis", analysis);
      }
      copyNum(o, layers, "tcp.analysis.dup_ack_num", "tcp.analysis.duplicate_ack_num");
    }
    if (udp && first(layers, "udp.srcport") != null) {
      copyNum(o, layers, "udp.srcport", "udp.srcport");
      copyNum(o, layers, "udp.dstport", "udp.dstport");
      copyNum(o, layers, "udp.length", "udp.length");
    }
    if ((tcp || udp) && first(layers, "dns.id") != null) {
      copyNum(o, layers, "dns.id", "dns.id");
      String response = first(layers, "dns.flags.response");
      if (response != null) {
        o.put("dns.qr", response.equals("1") || response.equalsIgnoreCase("true") ? 1L : 0L);
      }
      copyNum(o, layers, "dns.rcode", "dns.flags.rcode");
      copyNum(o, layers, "dns.qdcount", "dns.count.queries");
      copyNum(o, layers, "dns.ancount", "dns.count.answers");
      copy(o, layers, "dns.qname", "dns.qry.name");
    }
    if (tcp || udp) {
      application(o, layers);
      tls(o, layers);
      quic(o, layers);
    }
    UdpOracleFields.convert(o, layers, tcp || udp);
  }

  /** HTTP (first message of the frame) and WebSocket (first frame, plus the count when several). */
  private static void application(Map<String, Object> o, JsonNode layers) {
    String method = first(layers, "http.request.method");
    if (method != null) {
      o.put("http.method", method);
      String uri = first(layers, "http.request.uri");
      if (uri != null) {
        o.put("http.uri", uri);
      }
    } else {
      copyNum(o, layers, "http.status", "http.response.code");
    }
    List<String> opcodes = all(layers, "websocket.opcode");
    if (opcodes.isEmpty()) {
      return;
    }
    o.put("ws.fin", flag(first(layers, "websocket.fin")));
    o.put("ws.opcode", num(opcodes.get(0)));
    o.put("ws.masked", flag(first(layers, "websocket.mask")));
    String length = first(layers, "websocket.payload_length");
    if (length != null) {
      long value = num(length);
      String extended =
          value == 126
              ? first(layers, "websocket.payload_length_ext_16")
              : value == 127 ? first(layers, "websocket.payload_length_ext_64") : null;
      o.put("ws.payload_len", extended != null ? num(extended) : value);
    }
    if (opcodes.size() > 1) {
      o.put("ws.count", (long) opcodes.size());
    }
  }

  /**
   * As the shared oracle: the record lists only where a record has a content type (TLS 1.3's
   * encrypted records have an opaque type instead), the first SNI, every ALPN name; unlike it, also
   * the handshake fields of QUIC's Initial packets, which tshark decrypts.
   */
  private static void tls(Map<String, Object> o, JsonNode layers) {
    List<String> types = all(layers, "tls.record.content_type");
    if (types.isEmpty() && first(layers, "quic.header_form") == null) {
      return;
    }
    // QUIC carries the handshake messages in CRYPTO frames, without records.
    if (!types.isEmpty()) {
      o.put("tls.record.content_type", numbers(types));
      o.put("tls.record.version", numbers(all(layers, "tls.record.version")));
    }
    List<String> handshakes = all(layers, "tls.handshake.type");
    if (!handshakes.isEmpty()) {
      o.put("tls.handshake.type", numbers(handshakes));
    }
    String sni = first(layers, "tls.handshake.extensions_server_name");
    if (sni != null) {
      o.put("tls.handshake.sni", sni);
    }
    List<String> alpn = all(layers, "tls.handshake.extensions_alpn_str");
    if (!alpn.isEmpty()) {
      o.put("tls.handshake.alpn", alpn);
    }
  }

  /**
   * The first QUIC packet of the datagram: header form, version and long packet type as the shared
   * oracle has them, and its connection ids and Length field under tshark's names.
   */
  private static void quic(Map<String, Object> o, JsonNode layers) {
    if (first(layers, "quic.header_form") == null) {
      return;
    }
    copyNum(o, layers, "quic.header_form", "quic.header_form");
    copyNum(o, layers, "quic.version", "quic.version");
    copyNum(o, layers, "quic.long.packet_type", "quic.long.packet_type");
    copy(o, layers, "quic.dcid", "quic.dcid");
    copy(o, layers, "quic.scid", "quic.scid");
    copyNum(o, layers, "quic.length", "quic.length");
  }

  private static List<Long> numbers(List<String> values) {
    List<Long> out = new ArrayList<>();
    values.forEach(value -> out.add(num(value)));
    return out;
  }

  private static boolean flag(String value) {
    return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
  }

  private static void copy(Map<String, Object> o, JsonNode layers, String key, String field) {
    String value = first(layers, field);
    if (value != null) {
      o.put(key, value.toLowerCase(Locale.ROOT));
    }
  }

  private static void copyNum(Map<String, Object> o, JsonNode layers, String key, String field) {
    String value = first(layers, field);
    if (value != null) {
      o.put(key, num(value));
    }
  }

  private static String firstOf(JsonNode layers, String... fields) {
    for (String field : fields) {
      String value = first(layers, field);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** The first value tshark gave for {@code field} in a frame's layers, or null. */
  static String first(JsonNode layers, String field) {
    List<String> values = all(layers, field);
    return values.isEmpty() ? null : values.get(0);
  }

  /** Every value tshark gave for {@code field}: one, or each of an array. */
  static List<String> all(JsonNode layers, String field) {
    JsonNode node = layers.get(field.replace('.', '_'));
    List<String> values = new ArrayList<>();
    if (node == null || node.isNull()) {
      return values;
    }
    if (node.isArray()) {
      node.forEach(v -> values.add(v.asText()));
    } else {
      values.add(node.asText());
    }
    return values;
  }

  private static long num(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
  }

  /**
   * Link type per interface, read straight from the file header (pcap) or interface blocks
   * (pcapng).
   */
  static final class LinkTypes {
    private LinkTypes() {}

    static List<Integer> of(Path capture) throws IOException {
      byte[] file;
      try (FileInputStream in = new FileInputStream(capture.toFile())) {
        file = in.readAllBytes();
      }
      List<Integer> types = new ArrayList<>();
      if (file.length < 24) {
        return types;
      }
      int magic = be32(file, 0);
      if (magic == 0xA1B2C3D4 || magic == 0xA1B23C4D) {
        types.add(be32(file, 20) & 0xFFFF);
      } else if (Integer.reverseBytes(magic) == 0xA1B2C3D4
          || Integer.reverseBytes(magic) == 0xA1B23C4D) {
        types.add(Integer.reverseBytes(be32(file, 20)) & 0xFFFF);
      } else if (magic == 0x0A0D0D0A) {
        boolean little = false;
        for (int at = 0; at + 12 <= file.length; ) {
          if (be32(file, at) == 0x0A0D0D0A) {
            little = be32(file, at + 8) == 0x4D3C2B1A;
          }
          int type = little ? Integer.reverseBytes(be32(file, at)) : be32(file, at);
          int length = little ? Integer.reverseBytes(be32(file, at + 4)) : be32(file, at + 4);
          if (length < 12) {
            break;
          }
          if (type == 1) {
            int linkType = ((file[at + 8] & 0xFF) << 8) | (file[at + 9] & 0xFF);
            types.add(little ? Integer.reverseBytes(linkType << 16) & 0xFFFF : linkType);
          }
          at += length;
        }
      }
      return types;
    }

    private static int be32(byte[] data, int at) {
      return (data[at] & 0xFF) << 24
          | (data[at + 1] & 0xFF) << 16
          | (data[at + 2] & 0xFF) << 8
          | (data[at + 3] & 0xFF);
    }
  }
}
