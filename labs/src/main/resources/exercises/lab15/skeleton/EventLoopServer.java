import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** An echo server in one thread: one Selector, non-blocking channels. See TASK.md. */
public class EventLoopServer {
  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    // TODO open a Selector and a ServerSocketChannel bound to 127.0.0.1:port, non-blocking,
    //      registered for OP_ACCEPT.
    // TODO loop for ever: select(), then for each selected key (remove it from the set!):
    //      - acceptable: accept every waiting client, make it non-blocking, register OP_READ
    //      - readable: read what has arrived (-1 = the client is done: close it) and queue it
    //        to be written back to that client
    //      - then write what the kernel will take; if it takes only part, keep the rest and
    //        ask for OP_WRITE; when everything is written, go back to OP_READ only
    //      - an IOException from one client closes that client only
    System.out.println("EventLoopServer: nothing here yet (port " + port + ")");
  }
}
