package dev.wirelab.labs.lab05;

import java.util.List;
import java.util.Locale;

/** Why a live capture could not start, and what to do about it on this operating system. */
public final class CaptureUnavailable extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean permissionDenied;

  public CaptureUnavailable(String reason, Throwable cause) {
    this(reason, false, cause);
  }

  private CaptureUnavailable(String reason, boolean permissionDenied, Throwable cause) {
    super(reason, cause);
    this.permissionDenied = permissionDenied;
  }

  /** True when capturing is possible here, only not allowed for this user: {@link #howToGrant}. */
  public boolean permissionDenied() {
    return permissionDenied;
  }

  /** Turns what libpcap (or loading it) said into a reason a student can act on. */
  public static CaptureUnavailable from(String device, Throwable error) {
    String detail =
        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    if (error instanceof LinkageError) {
      return new CaptureUnavailable(
          "libpcap could not be loaded ("
              + detail
              + "); install it:"
              + " Debian/Ubuntu apt-get install libpcap0.8, Windows: Npcap, macOS: built in",
          error);
    }
    String lower = detail.toLowerCase(Locale.ROOT);
    if (lower.contains("permission") || lower.contains("not permitted")) {
      return new CaptureUnavailable(
          "no permission to capture on " + device + " (" + detail + ")", true, error);
    }
    return new CaptureUnavailable("cannot capture on " + device + ": " + detail, error);
  }

  /** How to allow capturing without running everything as root/administrator. */
  public static List<String> howToGrant() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return List.of(
          "macOS: capturing reads /dev/bpf*; give your user access with Wireshark's ChmodBPF",
          "  (installed with Wireshark) or, until the next reboot: sudo chmod o+r /dev/bpf*");
    }
    if (os.contains("win")) {
      return List.of(
          "Windows: install Npcap (npcap.com) with \"Support loopback traffic\" on and",
          "  \"Restrict Npcap driver's access to Administrators only\" off, or run as Administrator");
    }
    return List.of(
        "Linux: let java capture (a command to copy whole, on one line):",
        "  sudo setcap cap_net_raw,cap_net_admin=eip $(readlink -f $(which java))",
        "  or run this lab with sudo");
  }
}
