import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Wrong: half duplex: it reads the socket only after each line typed, and at the end. */
public class FramedPeer {
  public static void main(String[] args) throws IOException, InterruptedException {
    try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(args[0]))) {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      BufferedReader input =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = input.readLine()) != null; ) {
        byte[] payload = line.getBytes(StandardCharsets.UTF_8);
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
        while (in.available() > 0) {
          printFrame(in);
        }
      }
      socket.shutdownOutput(); // FIN: we are done sending, but still listening
      printFrames(socket);
    }
  }

  private static void printFrame(DataInputStream in) throws IOException {
    byte[] payload = new byte[in.readInt()];
    in.readFully(payload);
    System.out.println(new String(payload, StandardCharsets.UTF_8));
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
