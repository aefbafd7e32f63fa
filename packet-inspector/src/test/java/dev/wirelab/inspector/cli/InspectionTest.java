package dev.wirelab.inspector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wirelab.inspector.Inspector;
import dev.wirelab.inspector.capture.CaptureFiles;
import dev.wirelab.inspector.capture.CapturedFrame;
import dev.wirelab.inspector.capture.FrameSource;
import dev.wirelab.inspector.decode.FrameDecoder;
import dev.wirelab.inspector.output.FrameSink;
import dev.wirelab.inspector.output.SummarySink;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two-stage loop: headers on the caller's thread, application layers and output on the output
 * stage's thread. Frames must arrive in order, whole batches or not, and a failure on either side
 * must neither lose what was read nor leave the output thread behind.
 */
class InspectionTest {
  private static final int FRAMES = 1000;

  @Test
  void framesReachTheSinksInCaptureOrderAcrossBatches() throws IOException {
    List<Long> numbers = new ArrayList<>();
    long passed = run(repeated(FRAMES, null), frame -> numbers.add(frame.number()), 0);

    assertThat(passed).isEqualTo(FRAMES);
    assertThat(numbers).hasSize(FRAMES).isSorted().startsWith(1L).endsWith((long) FRAMES);
  }

  @Test
  void theApplicationLayersStillSeeEveryFrame() throws IOException {
    // The same real capture, decoded in one go and through the two stages, must print the same.
    String capture = Inspector.capture("websocket.pcap").toString();
    StringWriter twoStages = new StringWriter();
    try (FrameSource source = CaptureFiles.open(capture);
        PrintWriter out = new PrintWriter(twoStages)) {
      Inspection.run(
          source,
          null,
          FrameDecoder.withInstalledDecoders(FrameDecoder.Detail.SUMMARY),
          List.of(new SummarySink(out)),
          0,
          out,
          silent());
    }

    assertThat(twoStages.toString()).isEqualTo(Inspector.run(capture).out()).contains("WS text");
  }

  @Test
  void aReadFailureStillPrintsEveryFrameReadBeforeIt() {
    List<Long> numbers = new ArrayList<>();

    assertThatThrownBy(
            () ->
                run(
                    repeated(300, new IOException("disk went away")),
                    frame -> numbers.add(frame.number()),
                    0))
        .isInstanceOf(IOException.class)
        .hasMessage("disk went away");
    assertThat(numbers).hasSize(300).isSorted();
  }

  @Test
  void aSinkFailureStopsTheReadingAndIsReported() {
    long[] served = new long[1];
    FrameSource endless =
        new FrameSource() {
          @Override
          public CapturedFrame next() {
            // Bounded all the same, so a stage that ignored the failure ends the test instead of
            // hanging it.
            return ++served[0] > 10_000_000 ? null : frame();
          }

          @Override
          public void close() {}
        };
    FrameSink failing =
        frame -> {
          if (frame.number() == 500) {
            throw new IOException("output device full");
          }
        };

    assertThatThrownBy(() -> run(endless, failing, 0))
        .isInstanceOf(IOException.class)
        .hasMessage("output device full");
    // The reader may run ahead by the frames in flight (a few thousand), not through the source.
    assertThat(served[0]).isLessThan(100_000);
  }

  @Test
  void countStopsBothStages() throws IOException {
    List<Long> numbers = new ArrayList<>();

    assertThat(run(repeated(FRAMES, null), frame -> numbers.add(frame.number()), 10)).isEqualTo(10);
    assertThat(numbers).hasSize(10);
  }

  private static long run(FrameSource source, FrameSink sink, long limit) throws IOException {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    return Inspection.run(
        source,
        null,
        FrameDecoder.withInstalledDecoders(FrameDecoder.Detail.SUMMARY),
        List.of(sink),
        limit,
        out,
        silent());
  }

  private static Progress silent() {
    return new Progress(new PrintWriter(new StringWriter()), false);
  }

  /** {@code count} frames, then either the end or {@code failure}. */
  private static FrameSource repeated(int count, IOException failure) {
    return new FrameSource() {
      private int served;

      @Override
      public CapturedFrame next() throws IOException {
        if (served == count) {
          if (failure != null) {
            throw failure;
          }
          return null;
        }
        served++;
        return frame();
      }

      @Override
      public void close() {}
    };
  }

  /** A minimal Ethernet / IPv4 / UDP frame with one payload byte, a new object each time. */
  private static CapturedFrame frame() {
    byte[] data =
        new byte[] {
          0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 8, 0, 0x45, 0, 0, 29, 0, 1, 0, 0, 64, 17, 0, 0, 127,
          0, 0, 1, 127, 0, 0, 1, 0x30, 0x39, 0x30, 0x3a, 0, 9, 0, 0, 'x'
        };
    return new CapturedFrame(0, 0, data.length, 1, data, null);
  }
}
