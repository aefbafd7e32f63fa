import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** The mistake: a blocking echo server with a thread per client. It works, on many threads. */
public class EventLoopServer {
  public static void main(String[] args) throws IOException {
    try (ServerSocket listener = new ServerSocket(Integer.parseInt(args[0]), 50,
        InetAddress.getByName("127.0.0.1"))) {
      while (true) {
        Socket client = listener.accept();
        new Thread(() -> echo(client)).start();
      }
    }
  }

  static void echo(Socket client) {
    try (Socket socket = client) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      byte[] buffer = new byte[16 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      System.err.println("a client went away: " + e.getMessage());
    }
  }
}
