import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;

/** Wrong: serves one client after the other, so a second client waits for the first to leave. */
public class EchoServer {
  public static void main(String[] args) throws IOException {
    try (ServerSocket listener = new ServerSocket(Integer.parseInt(args[0]))) {
      while (true) {
        try (Socket client = listener.accept();
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream()) {
          byte[] buffer = new byte[4096];
          for (int n; (n = in.read(buffer)) != -1; ) {
            out.write(buffer, 0, n);
          }
        }
      }
    }
  }
}
