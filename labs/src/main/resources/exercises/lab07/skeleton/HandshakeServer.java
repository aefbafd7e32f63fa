import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Exercise 07: HTTP and the WebSocket opening handshake on one port. Read TASK.md first.
 * The checker runs {@code main} with the port to listen on as its only argument.
 */
public class HandshakeServer {
  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 9007;
    try (ServerSocket listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      System.out.println("listening on " + listener.getLocalSocketAddress());
      while (true) {
        Socket connection = listener.accept();
        // TODO serve the connection, without making the next client wait behind it
        connection.close();
      }
    }
  }

  // TODO read a request head: the request line, then header lines up to the empty line.
  //      Read it byte by byte: a WebSocket client may send its first frame right behind it.

  // TODO a request without an Upgrade header is plain HTTP: answer it (200 and a body,
  //      with Content-Length).

  // TODO a request with Upgrade: check it (RFC 6455, section 4.2.1), then answer
  //      101 Switching Protocols with Sec-WebSocket-Accept, or 400, or 426.
}
