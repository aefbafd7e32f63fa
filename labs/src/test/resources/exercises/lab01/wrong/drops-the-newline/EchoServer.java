import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Wrong: reads lines and writes them back with print, not println: every \n is lost. */
public class EchoServer {
  public static void main(String[] args) throws IOException {
    ServerSocket listener = new ServerSocket(Integer.parseInt(args[0]));
    while (true) {
      Socket client = listener.accept();
      new Thread(() -> serve(client)).start();
    }
  }

  private static void serve(Socket client) {
    try (client;
        BufferedReader in = new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        out.print(line);
        out.flush();
      }
    } catch (IOException e) {
      System.out.println(e.getMessage());
    }
  }
}
