package dev.wirelab.inspector.tshark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The oracle's fields for DHCP, DHCPv6, NTP, NBNS and IGMP: the shared tshark-oracle.sh's names
 * (dhcp.type, dhcp.xid, dhcp.client_mac, dhcp.your_ip, dhcpv6.type, ntp.version, ntp.mode,
 * ntp.stratum), and tshark's own names for the options and timestamps the shared script leaves out.
 */
final class UdpOracleFields {
  /**
   * tshark fields whose oracle key is tshark's own name: an address or number, as tshark has it.
   */
  private static final List<String> SAME_NAME =
      List.of(
          "dhcp.option.subnet_mask",
          "dhcp.option.requested_ip_address",
          "dhcp.option.dhcp_server_id",
          "dhcp.option.ip_address_lease_time",
          "dhcp.option.option_overload",
          "dhcp.option.renewal_time_value",
          "dhcp.option.rebinding_time_value",
          "dhcp.option.broadcast_address",
          "dhcp.option.hostname",
          "dhcp.option.domain_name",
          "dhcp.option.interface_mtu",
          "dhcp.option.dhcp_max_message_size",
          "dhcpv6.xid",
          "dhcpv6.iaaddr.ip",
          "dhcpv6.elapsed_time",
          "dhcpv6.hopcount",
          "dhcpv6.linkaddr",
          "dhcpv6.peeraddr",
          "nbns.id",
          "nbns.name",
          "nbns.type",
          "igmp.type",
          "igmp.version",
          "igmp.maddr",
          "igmp.record_type");

  /** Fields tshark repeats once per value: the oracle keeps them all, as a list. */
  private static final List<String> LISTS =
      List.of(
          "dhcp.option.router",
          "dhcp.option.domain_name_server",
          "dhcp.option.ntp_server",
          "dhcp.option.request_list_item",
          "dhcpv6.option.type",
          "dhcpv6.dns_server");

  private static final List<String> NTP_TIMES =
      List.of("ntp.reftime", "ntp.org", "ntp.rec", "ntp.xmt");

  static final List<String> FIELDS = fields();

  /** "Dec 2, 2026 13:41:48.732800483 UTC", with runs of spaces made one. */
  private static final DateTimeFormatter TSHARK_TIME =
      DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm:ss.SSSSSSSSS 'UTC'", Locale.ROOT);

  private UdpOracleFields() {}

  private static List<String> fields() {
    List<String> fields =
        new ArrayList<>(
            List.of(
                "dhcp.option.dhcp",
                "dhcp.id",
                "dhcp.hw.mac_addr",
                "dhcp.ip.your",
                "dhcpv6.msgtype",
                "ntp.flags.vn",
                "ntp.flags.mode",
                "ntp.stratum"));
    fields.addAll(SAME_NAME);
    fields.addAll(LISTS);
    fields.addAll(NTP_TIMES);
    return fields;
  }

  /**
   * Adds the fields to {@code o}; the UDP ones only when the datagram is not merely quoted in an
   * ICMP error.
   */
  static void convert(Map<String, Object> o, JsonNode layers, boolean transport) {
    boolean igmp = TsharkOracle.first(layers, "igmp.type") != null;
    if (!transport && !igmp) {
      return;
    }
    copyNum(o, layers, "dhcp.type", "dhcp.option.dhcp");
    if (TsharkOracle.first(layers, "dhcp.id") != null) {
      copyNum(o, layers, "dhcp.xid", "dhcp.id");
      copyText(o, layers, "dhcp.client_mac", "dhcp.hw.mac_addr");
      copyText(o, layers, "dhcp.your_ip", "dhcp.ip.your");
    }
    copyNum(o, layers, "dhcpv6.type", "dhcpv6.msgtype");
    if (TsharkOracle.first(layers, "ntp.flags.mode") != null) {
      copyNum(o, layers, "ntp.version", "ntp.flags.vn");
      copyNum(o, layers, "ntp.mode", "ntp.flags.mode");
      copyNum(o, layers, "ntp.stratum", "ntp.stratum");
    }
    for (String field : SAME_NAME) {
      String value = TsharkOracle.first(layers, field);
      if (value != null) {
        o.put(field, isNumber(value) ? (Object) num(value) : value);
      }
    }
    for (String field : LISTS) {
      List<String> values = TsharkOracle.all(layers, field);
      if (!values.isEmpty()) {
        o.put(field, values);
      }
    }
    for (String field : NTP_TIMES) {
      String value = TsharkOracle.first(layers, field);
      // tshark writes NULL for an all-zero timestamp (one the sender did not set).
      if (value != null && !value.equals("NULL")) {
        o.put(field, iso(value));
      }
    }
  }

  /** "2026-12-02T13:41:48.732800483Z", the inspector's form. */
  static String iso(String tsharkTime) {
    LocalDateTime time = LocalDateTime.parse(tsharkTime.replaceAll(" +", " "), TSHARK_TIME);
    return DateTimeFormatter.ISO_INSTANT.format(time.toInstant(ZoneOffset.UTC));
  }

  private static boolean isNumber(String value) {
    return value.matches("-?[0-9]+|0x[0-9a-fA-F]+");
  }

  private static long num(String value) {
    String v = value.trim();
    return v.toLowerCase(Locale.ROOT).startsWith("0x")
        ? Long.parseLong(v.substring(2), 16)
        : Long.parseLong(v);
  }

  private static void copyNum(Map<String, Object> o, JsonNode layers, String key, String field) {
    String value = TsharkOracle.first(layers, field);
    if (value != null) {
      o.put(key, num(value));
    }
  }

  private static void copyText(Map<String, Object> o, JsonNode layers, String key, String field) {
    String value = TsharkOracle.first(layers, field);
    if (value != null) {
      o.put(key, value.toLowerCase(Locale.ROOT));
    }
  }
}
