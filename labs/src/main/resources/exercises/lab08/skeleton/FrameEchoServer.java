import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Exercise 08: a WebSocket echo server that reads and writes frames by hand. Read TASK.md first.
 * The checker runs {@code main} with the port to listen on as its only argument.
 * {@link Handshake} (given) has already done exercise 07's part.
 */
public class FrameEchoServer {
  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 9008;
    try (ServerSocket listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      System.out.println("listening on " + listener.getLocalSocketAddress());
      while (true) {
        Socket connection = listener.accept();
        new Thread(() -> serve(connection)).start();
      }
    }
  }

  static void serve(Socket connection) {
    try (connection) {
      DataInputStream in = new DataInputStream(new BufferedInputStream(connection.getInputStream()));
      OutputStream out = connection.getOutputStream();
      if (!Handshake.accept(in, out)) {
        return;
      }
      // TODO read frames, one after the other, until a close frame or the end of the stream:
      //   byte 0: FIN, RSV1-3, opcode; byte 1: MASK, length 0-125 (126: 16 bits follow,
      //   127: 64 bits follow); then the masking key (4 bytes); then the payload, masked.
      // TODO answer each frame as TASK.md says: echo, pong, close.
    } catch (IOException e) {
      System.out.println("connection failed: " + e.getMessage());
    }
  }
}
