package dev.wirelab.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * This process's open sockets, read from Linux's {@code /proc}: which descriptors are sockets, and
 * for a leak report, what each one is ({@code tcp 127.0.0.1:40112 > 127.0.0.1:36001 ESTABLISHED}).
 * On a system without {@code /proc} there are none to see.
 */
final class OpenSockets {
  private static final Path FDS = Path.of("/proc/self/fd");
  private static final List<String> INET_TABLES = List.of("tcp", "tcp6", "udp", "udp6");

  /** The remote end of a listener or an unconnected UDP socket: every address bit and port 0. */
  private static final Pattern UNCONNECTED = Pattern.compile("0+:0000");

  /** The kernel's TCP states, numbered as in {@code include/net/tcp_states.h}. */
  private static final List<String> TCP_STATES =
      List.of(
          "?",
          "ESTABLISHED",
          "SYN_SENT",
          "SYN_RECV",
          "FIN_WAIT1",
          "FIN_WAIT2",
          "TIME_WAIT",
          "CLOSE",
          "CLOSE_WAIT",
          "LAST_ACK",
          "LISTEN",
          "CLOSING");

  private OpenSockets() {}

  /** The inode numbers of the sockets this process holds open. */
  static Set<String> inodes() {
    if (!Files.isDirectory(FDS)) {
      return Set.of();
    }
    try (Stream<Path> entries = Files.list(FDS)) {
      return entries
          .map(OpenSockets::socketInode)
          .filter(inode -> !inode.isEmpty())
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc/self/fd to count open sockets", e);
    }
  }

  /** What each of {@code inodes} is, one line each; a socket the tables do not name says so. */
  static List<String> describe(Set<String> inodes) {
    Map<String, String> known = new HashMap<>();
    for (String table : INET_TABLES) {
      readTable("/proc/net/" + table, table, known);
    }
    readTable("/proc/net/unix", "unix", known);
    return inodes.stream()
        .sorted()
        .map(inode -> known.getOrDefault(inode, "socket inode " + inode + " (not in /proc/net)"))
        .toList();
  }

  private static String socketInode(Path fd) {
    try {
      String target = Files.readSymbolicLink(fd).toString();
      return target.startsWith("socket:[") ? target.substring(8, target.length() - 1) : "";
    } catch (IOException e) {
      // The descriptor closed between listing and reading it: it is not an open socket.
      return "";
    }
  }

  private static void readTable(String file, String protocol, Map<String, String> into) {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of(file), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      // A kernel without this table (no IPv6, say) has no socket of that kind to name.
      return;
    }
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] field = line.trim().split("\\s+");
      if (protocol.equals("unix")) {
        if (field.length >= 7) {
          into.put(field[6], "unix " + (field.length > 7 ? field[7] : "(unnamed)"));
        }
      } else if (field.length >= 10) {
        // tcp6 holds Java's dual-stack sockets too: the address, not the table, says the family.
        String kind = protocol.substring(0, 3);
        String peer = UNCONNECTED.matcher(field[2]).matches() ? "" : " > " + endpoint(field[2]);
        String state = kind.equals("tcp") ? " " + tcpState(field[3]) : "";
        into.put(field[9], kind + " " + endpoint(field[1]) + peer + state);
      }
    }
  }

  /** {@code 0100007F:9C40} (the address in the kernel's byte order, 32 bits at a time) as text. */
  private static String endpoint(String hex) {
    int colon = hex.indexOf(':');
    String address = hex.substring(0, colon);
    int port = Integer.parseInt(hex.substring(colon + 1), 16);
    StringBuilder text = new StringBuilder();
    if (address.length() == 8) {
      long word = Long.parseLong(address, 16);
      for (int i = 0; i < 4; i++) {
        text.append(i == 0 ? "" : ".").append((word >> (8 * i)) & 0xff);
      }
      return text + ":" + port;
    }
    if (address.startsWith("0000000000000000FFFF0000")) {
      // An IPv4 address on a dual-stack socket (::ffff:127.0.0.1), as Java opens them: say it so.
      return endpoint(address.substring(24) + hex.substring(colon));
    }
    for (int word = 0; word < address.length() / 8; word++) {
      long value = Long.parseLong(address.substring(word * 8, word * 8 + 8), 16);
      for (int half = 0; half < 2; half++) {
        int group =
            (int) (((value >> (16 * half)) & 0xff) << 8 | ((value >> (16 * half + 8)) & 0xff));
        text.append(word == 0 && half == 0 ? "" : ":").append(Integer.toHexString(group));
      }
    }
    return "[" + text + "]:" + port;
  }

  private static String tcpState(String hex) {
    int state = Integer.parseInt(hex, 16);
    return state < TCP_STATES.size()
        ? TCP_STATES.get(state)
        : "state " + hex.toUpperCase(Locale.ROOT);
  }
}
