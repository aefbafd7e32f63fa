/**
 * Exercise 12: an outbox with retry and dedupe. Read TASK.md first.
 * The checker runs {@code main} with two arguments: the port of its server on 127.0.0.1, and
 * how many notes to send.
 */
public class Outbox {
  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    int count = Integer.parseInt(args[1]);
    System.out.println("TODO deliver " + count + " notes to 127.0.0.1:" + port);
    // TODO keep the notes (ids 1..count, texts "note 1".."note count") until each is acknowledged
    // TODO connect; send every unacknowledged note; read the server's lines (ACK, EVENT, BYE)
    // TODO when the connection breaks, connect again and carry on, until BYE
  }
}
