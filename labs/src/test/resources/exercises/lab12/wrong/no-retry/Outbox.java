import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Exercise 12, a model solution: a client that loses and duplicates nothing over a connection
 * that keeps breaking. Its notes stay in an outbox until acknowledged and are sent again, with
 * the same id, after every reconnect; events it already handled are recognised by their number.
 */
public class Outbox {
  /** Reconnections allowed before giving up: a server that is really gone must not keep us. */
  static final int MAX_CONNECTIONS = 20;

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    int count = Integer.parseInt(args[1]);
    // The outbox: id -> text, in order; a note leaves it only when the server acknowledged it.
    Map<String, String> outbox = new LinkedHashMap<>();
    for (int i = 1; i <= count; i++) {
      outbox.put(String.valueOf(i), "note " + i);
    }
    Set<Integer> handled = new HashSet<>();
    boolean finished = false;
    for (int attempt = 1; attempt <= MAX_CONNECTIONS && !finished; attempt++) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(5_000);
        BufferedReader in = new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        for (Map.Entry<String, String> note : (attempt == 1 ? outbox : Map.<String, String>of()).entrySet()) {
          send(out, "SEND " + note.getKey() + " " + note.getValue());
        }
        String line;
        while (!finished && (line = in.readLine()) != null) {
          String[] parts = line.split(" ", 3);
          switch (parts[0]) {
            case "ACK" -> outbox.remove(parts[1]);
            case "EVENT" -> {
              int number = Integer.parseInt(parts[1]);
              // At-least-once delivery: the server sends an event again when our GOT was lost.
              if (handled.add(number)) {
                System.out.println("event " + number + " " + parts[2]);
              }
              send(out, "GOT " + number);
            }
            case "BYE" -> finished = true;
            default -> System.out.println("unexpected line: " + line);
          }
        }
      } catch (IOException e) {
        System.out.println("connection lost (" + e.getMessage() + "); reconnecting");
      }
      if (!finished) {
        // Back off a little before reconnecting: a server that just failed needs a moment.
        Thread.sleep(20L * attempt);
      }
    }
  }

  static void send(OutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
