package dev.wirelab.inspector.decode;

/** Well-known ports a student meets in the labs. */
final class PortNames {
  private PortNames() {}

  static String meaning(int port) {
    return switch (port) {
      case 22 -> "SSH";
      case 53 -> "DNS";
      case 67, 68 -> "DHCP";
      case 80 -> "HTTP";
      case 123 -> "NTP";
      case 443 -> "HTTPS";
      case 3000 -> "Wirelab chat (Socket.IO)";
      case 5353 -> "mDNS";
      case 8000, 8080 -> "HTTP (alternative)";
      default -> port >= 49152 ? "ephemeral (client side)" : "";
    };
  }
}
