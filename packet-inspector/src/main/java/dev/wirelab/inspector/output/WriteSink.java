package dev.wirelab.inspector.output;

import dev.wirelab.inspector.capture.PcapWriter;
import dev.wirelab.inspector.model.DecodedFrame;
import java.io.Closeable;
import java.io.IOException;

/** {@code --write out.pcap}: saves every frame that passed the filter, bytes unchanged. */
public final class WriteSink implements FrameSink, Closeable {
  private final PcapWriter writer;

  public WriteSink(String name) {
    this.writer = new PcapWriter(name);
  }

  @Override
  public void accept(DecodedFrame frame) throws IOException {
    writer.write(frame.seconds(), frame.nanos(), frame.len(), frame.linkType(), frame.data());
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
