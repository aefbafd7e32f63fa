package dev.wirelab.labs.lab15;

import dev.wirelab.labs.support.Stopping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * An echo server in one thread: one {@link Selector} tells the thread which sockets are ready, and
 * the thread only ever does what will not block — accept a waiting connection, read what has
 * arrived, write what the kernel will take. Bytes the kernel would not take wait in the
 * connection's queue, with {@code OP_WRITE} asked for; while they wait, the loop stops reading from
 * that client, so a client that does not read cannot make the server's memory grow.
 */
public final class SelectLoopServer implements AutoCloseable {
  /** Read this much at most per wake-up and connection: fair to everybody else. */
  static final int READ_BUFFER_BYTES = 16 * 1024;

  /**
   * The kernel's send buffer per connection. Linux grows it to megabytes on loopback; a small fixed
   * one makes a partial write happen after a few hundred KiB, as it would to a slow client across a
   * real network.
   */
  static final int SEND_BUFFER_BYTES = 32 * 1024;

  /** Stop reading from a client that has this much echo waiting for it. */
  static final int PENDING_LIMIT = 256 * 1024;

  private final Selector selector;
  private final ServerSocketChannel listener;
  private final Consumer<String> narration;
  private final LoopStats stats = new LoopStats();
  private final Thread loop;
  private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
  private volatile boolean stopping;
  private volatile boolean verbose = true;
  private int accepted;

  private SelectLoopServer(
      Selector selector, ServerSocketChannel listener, Consumer<String> narration) {
    this.selector = selector;
    this.listener = listener;
    this.narration = narration;
    this.loop = new Thread(this::runLoop, "lab15-select-loop");
  }

  public static SelectLoopServer start(String host, int port, Consumer<String> narration)
      throws IOException {
    Selector selector = Selector.open();
    ServerSocketChannel listener = ServerSocketChannel.open();
    try {
      listener.bind(new InetSocketAddress(host, port));
      listener.configureBlocking(false);
      listener.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException e) {
      listener.close();
      selector.close();
      throw e;
    }
    SelectLoopServer server = new SelectLoopServer(selector, listener, narration);
    server.loop.start();
    return server;
  }

  public int port() {
    return listener.socket().getLocalPort();
  }

  public LoopStats stats() {
    return stats;
  }

  /** The thread that serves every client: the only one. */
  public Thread thread() {
    return loop;
  }

  /** Narrate every read and write (true), or only the partial writes and the ends (false). */
  public void narrateEveryEvent(boolean on) {
    verbose = on;
  }

  private void runLoop() {
    try {
      while (!stopping) {
        int ready = selector.select();
        if (stopping) {
          return;
        }
        stats.wokeUp();
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          handle(key, ready);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the select loop stopped", e);
    } catch (ClosedSelectorException e) {
      if (!stopping) {
        throw e;
      }
    }
  }

  private void handle(SelectionKey key, int ready) throws IOException {
    if (!key.isValid()) {
      return;
    }
    if (key.isAcceptable()) {
      accept();
      return;
    }
    Connection connection = (Connection) key.attachment();
    try {
      if (key.isWritable()) {
        stats.writable();
        flush(key, connection);
      }
      if (key.isValid() && key.isReadable()) {
        read(key, connection, ready);
      }
    } catch (IOException e) {
      // A client that vanished (a reset, a broken pipe) costs only its own connection.
      narration.accept(
          connection.name
              + ": "
              + e.getMessage()
              + ": closed, "
              + connection.pendingBytes
              + " bytes of echo dropped with it");
      close(key, connection);
    }
  }

  private void accept() throws IOException {
    SocketChannel channel;
    while ((channel = listener.accept()) != null) {
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.SO_SNDBUF, SEND_BUFFER_BYTES);
      Connection connection = new Connection(channel, "client " + ++accepted);
      channel.register(selector, SelectionKey.OP_READ, connection);
      if (verbose) {
        narration.accept(
            String.format(
                    Locale.ROOT,
                    "wake-up %d: accepted %s from %s",
                    stats.wakeUps(),
                    connection.name,
                    channel.getRemoteAddress())
                .replace("/", ""));
      }
    }
  }

  private void read(SelectionKey key, Connection connection, int ready) throws IOException {
    readBuffer.clear();
    int count = connection.channel.read(readBuffer);
    if (count < 0) {
      narration.accept(connection.name + ": end of stream, closed");
      close(key, connection);
      return;
    }
    stats.read(count);
    if (verbose) {
      narration.accept(
          String.format(
              Locale.ROOT,
              "wake-up %d (%d ready): read %d bytes from %s",
              stats.wakeUps(),
              ready,
              count,
              connection.name));
    }
    readBuffer.flip();
    ByteBuffer echo = ByteBuffer.allocate(count);
    echo.put(readBuffer).flip();
    connection.queue(echo);
    flush(key, connection);
  }

  /** Writes what the kernel will take; asks for OP_WRITE if something is left. */
  private void flush(SelectionKey key, Connection connection) throws IOException {
    while (!connection.pending.isEmpty()) {
      ByteBuffer head = connection.pending.peek();
      int wanted = head.remaining();
      int written = connection.channel.write(head);
      connection.pendingBytes -= written;
      boolean partial = head.hasRemaining();
      stats.wrote(partial);
      if (partial) {
        if ((key.interestOps() & SelectionKey.OP_WRITE) == 0) {
          narration.accept(
              String.format(
                  Locale.ROOT,
                  "%s: the kernel took %d of %d bytes: " + "OP_WRITE on, %d bytes wait",
                  connection.name,
                  written,
                  wanted,
                  connection.pendingBytes));
        }
        int ops =
            SelectionKey.OP_WRITE
                | (connection.pendingBytes < PENDING_LIMIT ? SelectionKey.OP_READ : 0);
        key.interestOps(ops);
        return;
      }
      connection.pending.poll();
    }
    if ((key.interestOps() & SelectionKey.OP_WRITE) != 0) {
      narration.accept(connection.name + ": everything written: OP_WRITE off, reading again");
    }
    key.interestOps(SelectionKey.OP_READ);
  }

  private void close(SelectionKey key, Connection connection) throws IOException {
    key.cancel();
    connection.channel.close();
  }

  @Override
  public void close() throws IOException {
    stopping = true;
    selector.wakeup();
    Stopping.join(loop, 2_000);
    for (SelectionKey key : selector.keys()) {
      key.channel().close();
    }
    selector.close();
  }
}
