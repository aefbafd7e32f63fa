import java.io.IOException;

/** Exercise 03: a UDP pinger. Run: java PingClient HOST PORT */
public class PingClient {
  public static void main(String[] args) throws IOException {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    System.out.println("pinging " + host + ":" + port);

    // TODO 1: open a DatagramSocket (try-with-resources closes it) and give it a timeout of
    //         1000 ms: socket.setSoTimeout(1000).
    // TODO 2: for seq 1 to 10: send "PING seq time" as one DatagramPacket to host:port, note
    //         System.nanoTime() just before send(), and receive() the echo.
    // TODO 3: a SocketTimeoutException means this ping is lost: print "ping N: timed out".
    //         Otherwise print "ping N: reply in X ms" and keep X for the statistics.
    // TODO 4: print "10 sent, R received, L lost (P%)" and "rtt min/avg/max = a/b/c ms".
  }
}
