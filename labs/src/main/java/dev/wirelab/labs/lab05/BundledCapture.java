package dev.wirelab.labs.lab05;

import dev.wirelab.labs.support.PcapFileReader;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapNativeException;

/**
 * The same exchange, captured once by this lab and shipped with it (see SOURCES.md next to the
 * file), for machines where a live capture is not allowed.
 */
public final class BundledCapture {
  static final String RESOURCE = "handshake.pcap";

  private BundledCapture() {}

  public static Conversation read() throws IOException, PcapNativeException, NotOpenException {
    // libpcap opens files by name, and a resource inside a jar has none: copy it out first.
    // java.io rather than Files: the first FileChannel in a JVM opens a socket pair for good.
    File copy = File.createTempFile("wirelab-lab05-", ".pcap");
    try {
      try (InputStream in = BundledCapture.class.getResourceAsStream(RESOURCE);
          OutputStream out = new FileOutputStream(copy)) {
        if (in == null) {
          throw new IOException("the bundled capture " + RESOURCE + " is missing from the build");
        }
        in.transferTo(out);
      }
      return readFile(copy.toPath());
    } finally {
      Files.delete(copy.toPath());
    }
  }

  static Conversation readFile(Path file) throws PcapNativeException, NotOpenException {
    List<Segment> segments = new ArrayList<>();
    PcapFileReader.readEach(
        file,
        (packet, handle) ->
            Segment.of(packet, handle.getDlt().value(), Segment.micros(handle.getTimestamp()))
                .ifPresent(segments::add));
    return new Conversation(List.copyOf(segments));
  }
}
