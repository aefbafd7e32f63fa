package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * DHCPv6 options (RFC 8415 21): a 2-byte code and length each, some holding options of their own
 * (an IA_NA holds its addresses, a Relay message a whole message); read depth first, as tshark
 * lists them. One reader serves a frame's message and the messages relayed inside it, so what the
 * summary and --json need is gathered in tree order.
 */
final class Dhcpv6Options {
  /** Nesting deeper than any RFC 8415 option goes is not followed. */
  private static final int MAX_DEPTH = 4;

  private static final int RELAY_MESSAGE = 9;

  /**
   * A relay agent drops a message that has passed HOP_COUNT_LIMIT (8) relays (RFC 8415 7.6, 19.1),
   * so no real message is relayed inside more than 8 Relay message options; deeper ones are not
   * followed.
   */
  private static final int MAX_RELAYS = 8;

  final StringBuilder summary = new StringBuilder("DHCPv6 ");

  final List<Integer> codes = new ArrayList<>();
  final List<String> addresses = new ArrayList<>();
  final List<String> dnsServers = new ArrayList<>();
  int elapsed = -1;

  /** How many Relay message options hold the message being read. */
  private int relays;

  /** Two spaces per relay around the message being read, so the --layers tree shows the nesting. */
  String indent() {
    return "  ".repeat(relays);
  }

  /** Reads the options from {@code at} to {@code end}; what was read before a bad one stays. */
  void read(Dissection d, Layer layer, int at, int end, int depth) {
    byte[] data = d.data;
    while (at < end) {
      d.need(at, 4, end, "DHCPv6 option header");
      int code = Bytes.u16(data, at);
      int length = Bytes.u16(data, at + 2);
      d.need(at + 4, length, end, "DHCPv6 option " + code + " value");
      codes.add(code);
      int value = at + 4;
      String indent = indent() + "  ".repeat(depth);
      String label = indent + name(code) + " (" + code + ")";
      int nested = -1;
      boolean relayed = false;
      String text;
      switch (code) {
        case RELAY_MESSAGE -> {
          relayed = relays < MAX_RELAYS;
          text =
              relayed
                  ? "the relayed message follows"
                  : length + " bytes (inside more than " + MAX_RELAYS + " relays: not followed)";
        }
        case 1, 2 -> text = length == 0 ? "(empty)" : Bytes.hexWithColons(data, value, length);
        case 3, 25 -> {
          text =
              length >= 12
                  ? "IAID " + Bytes.hex((int) Bytes.u32(data, value), 8)
                  : length + " bytes";
          if (length >= 12) {
            text +=
                ", T1 "
                    + Bytes.u32(data, value + 4)
                    + " s, T2 "
                    + Bytes.u32(data, value + 8)
                    + " s";
            nested = value + 12;
          }
        }
        case 5 -> {
          if (length >= 24) {
            String address = Bytes.ipv6(data, value);
            addresses.add(address);
            text =
                address
                    + ", preferred "
                    + Bytes.u32(data, value + 16)
                    + " s, valid "
                    + Bytes.u32(data, value + 20)
                    + " s";
            nested = value + 24;
          } else {
            text = length + " bytes (should be 24 or more)";
          }
        }
        case 6 -> {
          StringBuilder requested = new StringBuilder();
          for (int i = 0; i + 1 < length; i += 2) {
            int option = Bytes.u16(data, value + i);
            requested
                .append(i == 0 ? "" : ", ")
                .append(name(option))
                .append(" (")
                .append(option)
                .append(')');
          }
          text = requested.toString();
        }
        case 7 ->
            text =
                length == 1
                    ? Bytes.u8(data, value) + " (the client picks the highest)"
                    : length + " bytes";
        case 8 -> {
          if (length == 2) {
            elapsed = Bytes.u16(data, value);
            text = elapsed * 10 + " ms";
          } else {
            text = length + " bytes (should be 2)";
          }
        }
        case 13 -> {
          if (length >= 2) {
            int status = Bytes.u16(data, value);
            text =
                status
                    + (status == 0 ? " Success" : "")
                    + (length > 2 ? ": " + Text.printable(data, value + 2, length - 2) : "");
          } else {
            text = length + " bytes (should be 2 or more)";
          }
        }
        case 23 -> {
          List<String> servers = new ArrayList<>();
          for (int i = 0; i + 16 <= length; i += 16) {
            servers.add(Bytes.ipv6(data, value + i));
          }
          dnsServers.addAll(servers);
          text = String.join(", ", servers);
        }
        default -> text = length + " bytes";
      }
      layer.add(label, text, "", at, 4 + length);
      if (nested >= 0 && depth < MAX_DEPTH) {
        read(d, layer, nested, value + length, depth + 1);
      }
      if (relayed) {
        summary.append(": ");
        relays++;
        Dhcpv6.message(d, layer, value, value + length, this);
        relays--;
      }
      at = value + length;
    }
  }

  static String name(int code) {
    return switch (code) {
      case 1 -> "Client identifier";
      case 2 -> "Server identifier";
      case 3 -> "Identity association for non-temporary addresses";
      case 4 -> "Identity association for temporary addresses";
      case 5 -> "IA address";
      case 6 -> "Option request";
      case 7 -> "Preference";
      case 8 -> "Elapsed time";
      case 9 -> "Relay message";
      case 18 -> "Interface identifier";
      case 13 -> "Status code";
      case 14 -> "Rapid commit";
      case 23 -> "DNS recursive name servers";
      case 24 -> "Domain search list";
      case 25 -> "Identity association for prefix delegation";
      case 26 -> "IA prefix";
      case 39 -> "Client FQDN";
      default -> "Option " + code;
    };
  }
}
