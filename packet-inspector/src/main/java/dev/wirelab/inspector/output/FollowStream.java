package dev.wirelab.inspector.output;

import java.io.Writer;

/**
 * {@code --follow N}: prints the payload of TCP stream N in both directions. The implementation is
 * found with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/dev.wirelab.inspector.output.FollowStream}).
 */
public interface FollowStream {
  /**
   * A sink that collects stream {@code stream} from the frames it is given and writes it to {@code
   * out}.
   */
  FrameSink open(int stream, Writer out);
}
