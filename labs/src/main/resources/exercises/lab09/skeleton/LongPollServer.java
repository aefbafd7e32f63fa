import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Exercise 09: a feed of events over HTTP long polling. Read TASK.md first.
 * The checker runs {@code main} with the port to listen on as its only argument.
 */
public class LongPollServer {
  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 9009;
    try (ServerSocket listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      System.out.println("listening on " + listener.getLocalSocketAddress());
      while (true) {
        Socket connection = listener.accept();
        // TODO serve the connection: several requests, one after the other (keep-alive),
        //      while other connections are served at the same time
        connection.close();
      }
    }
  }

  // TODO POST /events: store the body as the next event (ids 1, 2, 3, ...), answer its id.

  // TODO GET /events?after=N: answer the events newer than N as "id text" lines; when there is
  //      none yet, hold the request until one is published, or until 2 s have passed.
}
