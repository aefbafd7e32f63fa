package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.Inspector;
import dev.wirelab.inspector.capture.CaptureFiles;
import dev.wirelab.inspector.capture.CapturedFrame;
import dev.wirelab.inspector.capture.FrameSource;
import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.output.FrameSink;
import dev.wirelab.inspector.output.HexSink;
import dev.wirelab.inspector.output.JsonSink;
import dev.wirelab.inspector.output.LayersSink;
import dev.wirelab.inspector.output.StatsSink;
import dev.wirelab.inspector.output.SummarySink;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What the decoder fuzz tests share: a frame decoded and printed in every output mode (where a bad
 * frame may only be reported as malformed, never throw), the count of malformed ones, the mutations
 * of recorded frames, and the frames of the captures they start from. Seeded by the test, so a
 * failure reproduces.
 */
final class FuzzHarness {
  private final Random random;
  private final FrameDecoder decoder = new FrameDecoder(List.of());
  private final List<FrameSink> sinks = allOutputModes();
  private long malformed;

  FuzzHarness(Random random) {
    this.random = random;
  }

  void decodeAndPrint(long seconds, int nanos, int len, int linkType, byte[] data)
      throws IOException {
    DecodedFrame frame = decoder.decode(1, seconds, nanos, len, linkType, data);
    if (frame.isMalformed()) {
      malformed++;
    }
    for (FrameSink sink : sinks) {
      sink.accept(frame);
    }
  }

  /** How many of the frames decoded so far were malformed: the fuzzing reached the checks. */
  long malformed() {
    return malformed;
  }

  /**
   * A copy of {@code original} with the bytes from {@code from} on changed one way: up to {@code
   * maxFlips} random bytes, cut short, a 0x00 or 0xFF byte and a random one (a length or type
   * field's edge), or, when {@code grow}, random bytes added at the end. The bytes before {@code
   * from} stay, so the mutations reach the layers after them.
   */
  byte[] mutate(byte[] original, int from, int maxFlips, boolean grow) {
    byte[] data = original.clone();
    switch (random.nextInt(grow ? 4 : 3)) {
      case 0 -> {
        for (int flips = 1 + random.nextInt(maxFlips); flips > 0 && data.length > from; flips--) {
          data[from + random.nextInt(data.length - from)] = (byte) random.nextInt(256);
        }
      }
      case 1 -> data = Arrays.copyOf(data, from + random.nextInt(data.length - from + 1));
      case 2 -> {
        if (data.length > from + 1) {
          int at = from + random.nextInt(data.length - from - 1);
          data[at] = (byte) (random.nextBoolean() ? 0xFF : 0x00);
          data[at + 1] = (byte) random.nextInt(256);
        }
      }
      default -> {
        data = Arrays.copyOf(data, data.length + random.nextInt(64));
        for (int i = original.length; i < data.length; i++) {
          data[i] = (byte) random.nextInt(256);
        }
      }
    }
    return data;
  }

  /** Every output mode, writing nowhere: a fuzzed frame must survive being printed each way. */
  static List<FrameSink> allOutputModes() {
    Writer discard = Writer.nullWriter();
    return List.of(
        new SummarySink(discard),
        new LayersSink(discard),
        new HexSink(discard, true),
        new JsonSink(discard),
        new StatsSink(discard));
  }

  /** The frames of the test captures with these names. */
  static List<CapturedFrame> frames(List<String> captures) throws IOException {
    List<CapturedFrame> frames = new ArrayList<>();
    for (String name : captures) {
      try (FrameSource source = CaptureFiles.open(Inspector.capture(name).toString())) {
        for (CapturedFrame frame = source.next(); frame != null; frame = source.next()) {
          frames.add(frame);
        }
      }
    }
    return frames;
  }
}
