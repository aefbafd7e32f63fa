import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Iterator;

/** An echo server in one thread: one Selector, non-blocking channels, a write queue each. */
public class EventLoopServer {
  /** Stop reading from a client with this much echo still waiting for it. */
  static final int PENDING_LIMIT = 256 * 1024;

  static final class Client {
    final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    long pendingBytes;
  }

  public static void main(String[] args) throws IOException {
    Selector selector = Selector.open();
    ServerSocketChannel listener = ServerSocketChannel.open();
    listener.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
    listener.configureBlocking(false);
    listener.register(selector, SelectionKey.OP_ACCEPT);
    ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
    while (true) {
      selector.select();
      Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
      while (keys.hasNext()) {
        SelectionKey key = keys.next();
        keys.remove();
        try {
          if (key.isAcceptable()) {
            SocketChannel channel;
            while ((channel = listener.accept()) != null) {
              channel.configureBlocking(false);
              channel.register(selector, SelectionKey.OP_READ, new Client());
            }
            continue;
          }
          SocketChannel channel = (SocketChannel) key.channel();
          Client client = (Client) key.attachment();
          if (key.isReadable()) {
            buffer.clear();
            int count = channel.read(buffer);
            if (count < 0) {
              channel.close();
              continue;
            }
            buffer.flip();
            ByteBuffer copy = ByteBuffer.allocate(count);
            copy.put(buffer).flip();
            client.pending.add(copy);
            client.pendingBytes += count;
          }
          flush(key, channel, client);
        } catch (IOException e) {
          // This client vanished (a reset, a broken pipe): close it, serve everyone else.
          key.channel().close();
        }
      }
    }
  }

  /** Writes what the kernel takes; waits for OP_WRITE when it takes only part. */
  static void flush(SelectionKey key, SocketChannel channel, Client client) throws IOException {
    while (!client.pending.isEmpty()) {
      ByteBuffer head = client.pending.peek();
      client.pendingBytes -= channel.write(head);
      if (head.hasRemaining()) {
        int read = client.pendingBytes < PENDING_LIMIT ? SelectionKey.OP_READ : 0;
        key.interestOps(SelectionKey.OP_WRITE | read);
        return;
      }
      client.pending.poll();
    }
    key.interestOps(SelectionKey.OP_READ);
  }
}
