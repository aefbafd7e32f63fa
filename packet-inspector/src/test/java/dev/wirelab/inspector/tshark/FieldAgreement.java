package dev.wirelab.inspector.tshark;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares one frame's fields as tshark decoded them with the inspector's: every key both sides
 * have must mean the same (same rules as the shared compare-frames.py: integers in any base, MAC
 * and IP addresses in canonical form, flag letters in any order, timestamps within 1 µs).
 */
final class FieldAgreement {
  private FieldAgreement() {}

  /** The disagreements, as "key: tshark X, inspector Y"; empty when the frame agrees. */
  static List<String> compare(Map<String, Object> tshark, JsonNode ours) {
    List<String> problems = new ArrayList<>();
    int compared = 0;
    for (Map.Entry<String, Object> field : tshark.entrySet()) {
      String key = field.getKey();
      JsonNode value = ours.get(key);
      if (key.equals("frame") || value == null) {
        continue;
      }
      compared++;
      if (!canonical(key, field.getValue().toString()).equals(canonical(key, text(value)))) {
        problems.add(key + ": tshark " + field.getValue() + ", inspector " + value);
      }
    }
    if (compared == 0) {
      problems.add("no field in common");
    }
    return problems;
  }

  /**
   * tcp.analysis must agree both ways (a flag only one side raises is a disagreement too), with the
   * duplicate ACK count; null when it does.
   */
  static String analysis(Map<String, Object> tshark, JsonNode ours) {
    String expected =
        String.valueOf(tshark.getOrDefault("tcp.analysis", "none"))
            + " "
            + tshark.getOrDefault("tcp.analysis.dup_ack_num", "");
    JsonNode flags = ours.get("tcp.analysis");
    JsonNode dupAcks = ours.get("tcp.analysis.dup_ack_num");
    String actual =
        (flags == null ? "none" : text(flags)) + " " + (dupAcks == null ? "" : dupAcks.asText());
    return expected.replace(" ", "").equals(actual.replace(" ", ""))
        ? null
        : "tcp.analysis: tshark " + expected.trim() + ", inspector " + actual.trim();
  }

  /** A value as text, a list as "[a, b]": how both sides' values are compared. */
  static String text(JsonNode value) {
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(item.asText()));
      return items.toString();
    }
    return value.asText();
  }

  private static String canonical(String key, String value) {
    switch (key) {
      case "ts":
        return new BigDecimal(value).setScale(6, java.math.RoundingMode.DOWN).toPlainString();
      case "link.type":
        long type = Long.parseLong(value);
        return String.valueOf(type == 12 || type == 14 ? 101 : type);
      case "tcp.flags":
        char[] letters = value.toUpperCase(Locale.ROOT).toCharArray();
        Arrays.sort(letters);
        return new String(letters);
      case "dns.qname":
        String name = value.toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
      case "ip.src", "ip.dst", "arp.sender_ip", "arp.target_ip":
        return address(value);
      default:
        if (key.endsWith("_mac")
            || key.startsWith("eth.src")
            || key.startsWith("eth.dst")
            || key.equals("sll.src")) {
          return value.replaceAll("[^0-9a-fA-F]", "").toLowerCase(Locale.ROOT);
        }
        return value.toLowerCase(Locale.ROOT);
    }
  }

  /**
   * IPv6 written out in full (eight 4-digit groups), IPv4 as is. Parsed here rather than with
   * InetAddress, whose first use opens a socket to probe for IPv6 support.
   */
  private static String address(String literal) {
    String text = literal.toLowerCase(Locale.ROOT);
    if (!text.contains(":")) {
      return text;
    }
    String[] halves = text.split("::", -1);
    List<String> head = groups(halves[0]);
    List<String> tail = halves.length > 1 ? groups(halves[1]) : List.of();
    List<String> all = new ArrayList<>(head);
    for (int i = head.size() + tail.size(); i < 8; i++) {
      all.add("0000");
    }
    all.addAll(tail);
    return String.join(":", all);
  }

  private static List<String> groups(String part) {
    List<String> groups = new ArrayList<>();
    if (part.isEmpty()) {
      return groups;
    }
    for (String group : part.split(":")) {
      groups.add("0000".substring(Math.min(4, group.length())) + group);
    }
    return groups;
  }
}
