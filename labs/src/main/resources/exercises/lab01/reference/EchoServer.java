import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;

/** Exercise 01, the model solution: one thread per client, bytes copied back unchanged. */
public class EchoServer {
  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    try (ServerSocket listener = new ServerSocket(port)) {
      System.out.println("echo server listening on port " + listener.getLocalPort());
      while (true) {
        Socket client = listener.accept();
        new Thread(() -> serve(client), "client-" + client.getPort()).start();
      }
    }
  }

  private static void serve(Socket client) {
    try (client;
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream()) {
      byte[] buffer = new byte[4096];
      for (int n; (n = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      System.out.println("client " + client.getPort() + ": " + e.getMessage());
    }
  }
}
