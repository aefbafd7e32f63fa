package dev.wirelab.inspector.cli;

import dev.wirelab.inspector.capture.CapturedFrame;
import dev.wirelab.inspector.capture.FrameFilter;
import dev.wirelab.inspector.capture.FrameSource;
import dev.wirelab.inspector.decode.FrameDecoder;
import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.output.FrameSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * The inspector's loop: read a frame, keep it if the filter says so, decode its headers, and pass
 * it to the {@link OutputStage}, whose thread decodes the application layers and prints. The two
 * stages keep two cores busy on a big file; frames stay in capture order, each stage on one thread.
 */
final class Inspection {
  private static final int PROGRESS_EVERY = 1024;

  private Inspection() {}

  /**
   * @param filter null for no filter (live captures filter in the kernel instead)
   * @param limit stop after this many frames passed the filter; 0 for no limit
   * @return how many frames passed the filter
   */
  static long run(
      FrameSource source,
      FrameFilter filter,
      FrameDecoder decoder,
      List<FrameSink> sinks,
      long limit,
      PrintWriter out,
      Progress progress)
      throws IOException {
    long number = 0;
    long passed = 0;
    try (OutputStage output = OutputStage.start(decoder, sinks, out, source.live())) {
      CapturedFrame captured;
      while ((limit == 0 || passed < limit)
          && !output.stopped()
          && (captured = source.next()) != null) {
        number++;
        if (filter != null && !filter.matches(captured)) {
          continue;
        }
        passed++;
        DecodedFrame frame =
            decoder.decodeHeaders(
                number,
                captured.seconds(),
                captured.nanos(),
                captured.len(),
                captured.linkType(),
                captured.data());
        if (captured.problem() != null) {
          frame.markMalformed(captured.problem());
        }
        output.accept(frame);
        if (passed % PROGRESS_EVERY == 0) {
          progress.update(number, passed);
        }
      }
      output.finish();
    }
    progress.done(number, passed);
    return passed;
  }
}
