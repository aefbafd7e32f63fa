package dev.wirelab.labs.lab15;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One client's state in the loop: its channel, a name for the narration, and the bytes waiting to
 * be written because the kernel's send buffer was full. Nothing here blocks.
 */
final class Connection {
  final SocketChannel channel;
  final String name;
  final Deque<ByteBuffer> pending = new ArrayDeque<>();
  long pendingBytes;

  Connection(SocketChannel channel, String name) {
    this.channel = channel;
    this.name = name;
  }

  void queue(ByteBuffer bytes) {
    pending.add(bytes);
    pendingBytes += bytes.remaining();
  }
}
