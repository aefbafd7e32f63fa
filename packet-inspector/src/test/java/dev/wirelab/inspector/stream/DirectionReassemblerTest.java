package dev.wirelab.inspector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DirectionReassemblerTest {
  private static final long ISN = 1000;

  private final DirectionReassembler reassembler = new DirectionReassembler(64);
  private final StringBuilder stream = new StringBuilder();

  private Reassembly send(long frame, long seq, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    Reassembly r =
        reassembler.accept(
            frame, seq & 0xFFFFFFFFL, false, false, false, bytes, 0, bytes.length, bytes.length);
    r.chunks()
        .forEach(
            c ->
                stream.append(
                    new String(c.bytes(), c.offset(), c.length(), StandardCharsets.ISO_8859_1)));
    return r;
  }

  private void syn(long seq) {
    reassembler.accept(0, seq & 0xFFFFFFFFL, true, false, false, new byte[0], 0, 0, 0);
  }

  @Test
  void inOrderSegmentsPassStraightThroughMarkedAsSegmentStarts() {
    syn(ISN);
    Reassembly first = send(1, ISN + 1, "hello ");
    send(2, ISN + 7, "world");

    assertThat(stream).hasToString("hello world");
    assertThat(first.chunks())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.segmentStart()).isTrue();
              assertThat(c.streamOffset()).isZero();
              assertThat(c.frame()).isEqualTo(1);
            });
  }

  @Test
  void retransmittedAndOverlappingBytesAreDeliveredOnce() {
    syn(ISN);
    send(1, ISN + 1, "abcdef");
    Reassembly again = send(2, ISN + 1, "abcdef");
    Reassembly overlap = send(3, ISN + 4, "defghi");

    assertThat(stream).hasToString("abcdefghi");
    assertThat(again.chunks()).isEmpty();
    assertThat(again.notes()).singleElement().asString().startsWith("retransmission");
    assertThat(overlap.chunks())
        .singleElement()
        .satisfies(c -> assertThat(c.segmentStart()).isFalse());
    assertThat(overlap.notes()).singleElement().asString().startsWith("overlap: 3 of 6");
  }

  @Test
  void outOfOrderSegmentWaitsUntilTheGapFills() {
    syn(ISN);
    Reassembly early = send(1, ISN + 4, "def");
    assertThat(early.held()).isTrue();
    assertThat(stream).isEmpty();

    Reassembly fill = send(2, ISN + 1, "abc");

    assertThat(stream).hasToString("abcdef");
    assertThat(fill.chunks()).extracting(StreamChunk::frame).containsExactly(2L, 1L);
  }

  @Test
  void sequenceNumbersWrapAroundAt32Bits() {
    long nearTop = 0xFFFFFFFFL - 2;
    syn(nearTop);
    send(1, nearTop + 1, "abcd");
    send(2, (nearTop + 5) & 0xFFFFFFFFL, "efgh");

    assertThat(stream).hasToString("abcdefgh");
  }

  @Test
  void aGapThatNeverFillsIsSkippedOnceTheMemoryBoundIsReached() {
    syn(ISN);
    send(1, ISN + 1, "ab");
    send(2, ISN + 10, "x".repeat(40));
    Reassembly overflow = send(3, ISN + 50, "y".repeat(40));

    assertThat(stream).hasToString("ab" + "x".repeat(40) + "y".repeat(40));
    assertThat(overflow.notes())
        .anySatisfy(n -> assertThat(n).startsWith("gap of 7 bytes never filled"));
    assertThat(overflow.chunks().get(0).afterGap()).isTrue();
  }

  @Test
  void anAckForBytesNeverSeenSkipsTheGap() {
    syn(ISN);
    send(1, ISN + 1, "ab");
    send(2, ISN + 10, "late");

    Reassembly acked = reassembler.acknowledged(ISN + 14);
    acked
        .chunks()
        .forEach(
            c ->
                stream.append(
                    new String(c.bytes(), c.offset(), c.length(), StandardCharsets.ISO_8859_1)));

    assertThat(stream).hasToString("ablate");
    assertThat(acked.notes())
        .singleElement()
        .asString()
        .contains("acknowledged bytes the capture never saw");
  }

  @Test
  void aCaptureThatStartsMidStreamTakesTheFirstSegmentAsTheStart() {
    Reassembly first = send(1, 123456, "middle");
    send(2, 123462, " end");

    assertThat(stream).hasToString("middle end");
    assertThat(first.notes()).singleElement().asString().startsWith("capture started mid-stream");
  }

  @Test
  void bytesCutBySnapLengthBecomeAGap() {
    syn(ISN);
    byte[] cut = "abc".getBytes(StandardCharsets.ISO_8859_1);
    Reassembly r = reassembler.accept(1, ISN + 1, false, false, false, cut, 0, 3, 10);
    Reassembly next = send(2, ISN + 11, "next");

    assertThat(r.notes())
        .singleElement()
        .asString()
        .startsWith("7 payload bytes were not captured");
    assertThat(next.chunks()).singleElement().satisfies(c -> assertThat(c.afterGap()).isTrue());
    assertThat(reassembler.deliveredBytes()).isEqualTo(14);
  }

  @Test
  void aFinIsReachedOnlyOnceTheBytesBeforeItArrived() {
    syn(ISN);
    reassembler.accept(2, ISN + 4, false, true, false, new byte[] {'d'}, 0, 1, 1);
    assertThat(reassembler.finished()).isFalse();

    send(1, ISN + 1, "abc");

    assertThat(stream).hasToString("abcd");
    assertThat(reassembler.finished()).isTrue();
  }
}
