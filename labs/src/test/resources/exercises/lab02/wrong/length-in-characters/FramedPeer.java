import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Wrong: the length counts characters, so a line with ü or 👋 claims too few bytes. */
public class FramedPeer {
  public static void main(String[] args) throws IOException, InterruptedException {
    try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(args[0]))) {
      Thread reader = new Thread(() -> printFrames(socket), "frame-reader");
      reader.start();
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      BufferedReader input =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = input.readLine()) != null; ) {
        byte[] payload = line.getBytes(StandardCharsets.UTF_8);
        out.writeInt(line.length());
        out.write(payload);
        out.flush();
      }
      socket.shutdownOutput(); // FIN: we are done sending, but still listening
      reader.join();
    }
  }

  private static void printFrames(Socket socket) {
    try {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      while (true) {
        int length;
        try {
          length = in.readInt();
        } catch (EOFException end) {
          return; // the other side finished sending
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        System.out.println(new String(payload, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      System.out.println("connection: " + e.getMessage());
    }
  }
}
