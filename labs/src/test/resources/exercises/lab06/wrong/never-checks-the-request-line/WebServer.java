import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Wrong: never checks the request line, so HELLO gets 501 (an unknown method), not 400. */
public class WebServer {
  private static Path root;

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    root = Path.of(args[1]).toAbsolutePath().normalize();
    try (ServerSocket listener = new ServerSocket(port)) {
      System.out.println("serving " + root + " on port " + listener.getLocalPort());
      while (true) {
        Socket client = listener.accept();
        new Thread(() -> serve(client)).start();
      }
    }
  }

  private static void serve(Socket client) {
    try {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      while (true) {
        String requestLine = readLine(in);
        if (requestLine == null) {
          return; // the client closed the connection between requests
        }
        boolean close = false;
        for (String header; (header = readLine(in)) != null && !header.isEmpty(); ) {
          if (header.toLowerCase(Locale.ROOT).matches("connection:\\s*close\\s*")) {
            close = true;
          }
        }
        String[] parts = requestLine.split(" ");
        boolean head = parts[0].equals("HEAD");
        if (!head && !parts[0].equals("GET")) {
          respond(out, "501 Not Implemented", "text/plain", bytes("GET and HEAD only\n"),
              true, close);
        } else {
          String name = parts[1].equals("/") ? "index.html" : parts[1].substring(1);
          Path file = root.resolve(name).normalize();
          if (file.startsWith(root) && Files.isRegularFile(file)) {
            respond(out, "200 OK", type(name), Files.readAllBytes(file), !head, close);
          } else {
            respond(out, "404 Not Found", "text/plain", bytes("no " + parts[1] + " here\n"),
                !head, close);
          }
        }
        if (close) {
          return;
        }
      }
    } catch (IOException e) {
      System.out.println("connection from port " + client.getPort() + ": " + e.getMessage());
    }
  }

  private static void respond(OutputStream out, String status, String type, byte[] body,
      boolean withBody, boolean close) throws IOException {
    String head = "HTTP/1.1 " + status + "\r\n"
        + "Content-Type: " + type + "\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + (close ? "Connection: close\r\n" : "")
        + "\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    if (withBody) {
      out.write(body);
    }
    out.flush();
  }

  /** One line of the request head, without its CRLF; null at the end of the stream. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != -1; ) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  private static String type(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    return "text/plain; charset=utf-8";
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
