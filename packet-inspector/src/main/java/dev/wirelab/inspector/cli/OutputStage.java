package dev.wirelab.inspector.cli;

import dev.wirelab.inspector.decode.FrameDecoder;
import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.output.FrameSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The second stage of an inspection, on its own thread: the TCP payload decoders (HTTP, WebSocket,
 * Socket.IO) and every sink, fed with header-decoded frames in capture order. Frames travel in
 * batches so the hand-over costs little per frame; a live capture sends each frame on its own and
 * flushes it, so it shows at once. At most {@link #BATCHES_IN_FLIGHT} batches wait, which keeps
 * memory flat however fast the file is read.
 */
final class OutputStage implements AutoCloseable {
  private static final int FILE_BATCH = 256;
  private static final int BATCHES_IN_FLIGHT = 4;
  private static final int CHECK_OUTPUT_EVERY = 1024;
  private static final long OFFER_WAIT_MILLIS = 100;
  private static final DecodedFrame[] END = new DecodedFrame[0];

  private final FrameDecoder decoder;
  private final List<FrameSink> sinks;
  private final PrintWriter out;
  private final boolean live;
  private final BlockingQueue<DecodedFrame[]> batches = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
  private final Thread thread;
  private DecodedFrame[] batch;
  private int filled;
  private boolean ended;

  /** Set by the stage's thread when it stops early: the output was closed, or a sink failed. */
  private volatile boolean stopped;

  private volatile Exception failure;

  private OutputStage(FrameDecoder decoder, List<FrameSink> sinks, PrintWriter out, boolean live) {
    this.decoder = decoder;
    this.sinks = List.copyOf(sinks);
    this.out = out;
    this.live = live;
    this.batch = new DecodedFrame[live ? 1 : FILE_BATCH];
    this.thread = new Thread(this::consume, "inspect-output");
  }

  static OutputStage start(
      FrameDecoder decoder, List<FrameSink> sinks, PrintWriter out, boolean live) {
    OutputStage stage = new OutputStage(decoder, sinks, out, live);
    stage.thread.start();
    return stage;
  }

  /**
   * True once the stage stopped taking frames (the reader of the output went away, or a sink
   * failed).
   */
  boolean stopped() {
    return stopped;
  }

  void accept(DecodedFrame frame) throws IOException {
    batch[filled++] = frame;
    if (filled == batch.length) {
      handOver(batch);
      batch = new DecodedFrame[batch.length];
      filled = 0;
    }
  }

  /** Hands over the frames still held, then waits until every sink has printed and finished. */
  void finish() throws IOException {
    end();
    awaitThread();
    Exception failed = failure;
    if (failed instanceof IOException io) {
      throw io;
    }
    if (failed != null) {
      throw (RuntimeException) failed;
    }
  }

  /**
   * After {@link #finish}, nothing to do; when reading failed first, the frames read so far are
   * still printed before that failure is reported (nothing that was read is lost), and a failure of
   * the output joins it as a suppressed exception.
   */
  @Override
  public void close() throws IOException {
    if (!ended) {
      finish();
    }
  }

  private void end() throws IOException {
    ended = true;
    if (filled > 0) {
      handOver(Arrays.copyOf(batch, filled));
      filled = 0;
    }
    handOver(END);
  }

  /** Waits for room in the queue, for as long as the stage's thread is there to make room. */
  private void handOver(DecodedFrame[] frames) throws IOException {
    try {
      while (!batches.offer(frames, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        if (!thread.isAlive()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while handing frames to the output", e);
    }
  }

  /**
   * The stage's thread always ends: END is the last batch it is given, and it leaves early on a
   * failure. Its only open-ended wait is the output itself (a paused pager), as for any writer.
   */
  private void awaitThread() throws IOException {
    try {
      thread.join();
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the output to finish", e);
    }
  }

  private void consume() {
    try {
      long shown = 0;
      DecodedFrame[] frames;
      while ((frames = batches.take()) != END) {
        for (DecodedFrame frame : frames) {
          decoder.decodeApplication(frame);
          for (FrameSink sink : sinks) {
            sink.accept(frame);
          }
          if (++shown % CHECK_OUTPUT_EVERY == 0 && out.checkError()) {
            stopped = true;
            return;
          }
        }
        if (live) {
          out.flush();
        }
      }
      for (FrameSink sink : sinks) {
        sink.finish();
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
      stopped = true;
    } catch (InterruptedException e) {
      failure = new UncheckedIOException(new IOException("the output was interrupted", e));
      stopped = true;
    }
  }
}
