package dev.wirelab.chat.classroom.startup;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What the teacher sees after {@code ./wirelab chat}: where to point the class, and the teacher's
 * link.
 */
public final class StartupBanner {
  private StartupBanner() {}

  /**
   * @param host the address the server listens on ({@code 0.0.0.0} for all interfaces)
   * @param lanAddresses addresses of this machine on the network, used when listening on all
   */
  public static void print(
      PrintWriter out,
      String host,
      int port,
      List<String> lanAddresses,
      String token,
      Path history) {
    boolean everywhere = host.equals("0.0.0.0") || host.equals("::");
    String local = "http://" + (everywhere ? "localhost" : host) + ":" + port + "/";
    List<String> network =
        everywhere
            ? lanAddresses.stream().map(address -> "http://" + address + ":" + port + "/").toList()
            : List.of();

    out.println("Wirelab classroom chat is running.");
    out.println("  on this machine:  " + local);
    if (network.isEmpty()) {
      out.println(
          "  on the network:   "
              + (everywhere
                  ? "no network address found; only this machine can connect"
                  : "listening on " + host + " only (use --host 0.0.0.0 for the whole class)"));
    }
    for (String url : network) {
      out.println("  on the network:   " + url);
    }
    out.println("  teacher view:     " + local + "#teacher=" + token + "   (token " + token + ")");
    out.println("  history:          " + history + " (SQLite; --db to change)");
    if (!network.isEmpty()) {
      out.println();
      out.println(
          "Students: scan this with a phone on the same network, or type " + network.get(0));
      out.print(TerminalQrCode.render(network.get(0)));
    }
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }
}
