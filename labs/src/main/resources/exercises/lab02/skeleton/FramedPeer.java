import java.io.IOException;

/** Exercise 02: a full-duplex peer with length-prefixed frames. Run: java FramedPeer PORT */
public class FramedPeer {
  public static void main(String[] args) throws IOException, InterruptedException {
    int port = Integer.parseInt(args[0]);
    System.err.println("connecting to 127.0.0.1:" + port);

    // TODO 1: connect to 127.0.0.1:port.
    // TODO 2: start a thread that reads frames from the socket and prints each payload as a
    //         line: a frame is a 4-byte big-endian length (DataInputStream.readInt), then that
    //         many bytes of UTF-8 (readFully: one read() may return less, or more frames).
    //         When the other side finishes sending (readInt throws EOFException), stop.
    // TODO 3: meanwhile, in main, read System.in line by line and send each line as a frame:
    //         the length counts bytes (line.getBytes(UTF_8).length), not characters.
    // TODO 4: at the end of the input, socket.shutdownOutput() (a FIN), wait for the reader
    //         thread to finish, then close the socket.
  }
}
