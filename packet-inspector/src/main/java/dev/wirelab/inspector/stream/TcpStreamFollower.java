package dev.wirelab.inspector.stream;

import dev.wirelab.inspector.output.FollowStream;
import dev.wirelab.inspector.output.FrameSink;
import java.io.Writer;

/**
 * {@code inspect --follow N}: the reassembled payload of TCP stream N, as Wireshark's Follow TCP
 * Stream shows it.
 */
public final class TcpStreamFollower implements FollowStream {
  @Override
  public FrameSink open(int stream, Writer out) {
    return new FollowSink(stream, out);
  }
}
