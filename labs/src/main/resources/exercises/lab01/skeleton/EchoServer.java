import java.io.IOException;

/** Exercise 01: a TCP echo server for several clients at once. Run: java EchoServer PORT */
public class EchoServer {
  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    System.out.println("echo server, port " + port);

    // TODO 1: listen on the port (new ServerSocket(port)).
    // TODO 2: accept clients in a loop, for ever. Serve each one so that it cannot hold up the
    //         next: the lab's EchoServer gives each client a thread of its own.
    // TODO 3: for one client, read bytes and write the same bytes back, until read() returns -1.
    // TODO 4: then close the client's socket (try-with-resources closes it for you).
  }
}
