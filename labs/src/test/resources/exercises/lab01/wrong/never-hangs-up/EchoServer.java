import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Wrong: echoes, but never closes a client's socket when the client is done. */
public class EchoServer {
  private static final List<Socket> CLIENTS = new ArrayList<>();

  public static void main(String[] args) throws IOException {
    ServerSocket listener = new ServerSocket(Integer.parseInt(args[0]));
    while (true) {
      Socket client = listener.accept();
      synchronized (CLIENTS) {
        CLIENTS.add(client);
      }
      new Thread(() -> serve(client)).start();
    }
  }

  private static void serve(Socket client) {
    try {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      byte[] buffer = new byte[4096];
      for (int n; (n = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      System.out.println(e.getMessage());
    }
  }
}
