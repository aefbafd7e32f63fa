import dev.wirelab.chat.socketio.SocketIoOptions;
import dev.wirelab.labs.lab11.SocketIoLabServer;
import java.net.BindException;
import java.util.concurrent.CountDownLatch;

/**
 * Given: Wirelab's Socket.IO engine on a port, with your handlers. The checker runs this
 * {@code main} with the port to listen on; the work is in {@link ChatHandlers}.
 */
public class ChatServer {
  public static void main(String[] args) throws BindException, InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 9011;
    SocketIoLabServer server = SocketIoLabServer.start("127.0.0.1", port, SocketIoOptions.defaults());
    ChatHandlers.install(server.io());
    System.out.println("Socket.IO on http://127.0.0.1:" + server.port() + "/socket.io/");
    // Serve until the process is stopped.
    new CountDownLatch(1).await();
  }
}
