package dev.wirelab.labs.lab02;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.support.Narrator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Lab02ByteStreamTest {
  private final StringWriter output = new StringWriter();
  private final Narrator narrator = new Narrator(new PrintWriter(output), "test");

  @Test
  void bothEndsHearEverythingTheOtherSaidWhileTalkingThemselves() throws Exception {
    Conversation.Result result = Conversation.run(narrator);

    assertThat(result.serverHeard()).containsExactlyElementsOf(script("client"));
    assertThat(result.clientHeard()).containsExactlyElementsOf(script("server"));
    // Each end says message k+1 only after hearing the other's message k, so their talking
    // times must overlap: a causal order, not a timing assumption.
    assertThat(result.overlapMillis()).isPositive();
    assertThat(output.toString())
        .contains("[server] the other end is done talking (end of stream)")
        .contains("[client] the other end is done talking (end of stream)");
  }

  @Test
  void twoWritesArriveAsOneRead() throws Exception {
    assertThat(Coalescing.run(narrator).bytesRead()).isEqualTo("helloworld");
  }

  @Test
  void oneLargeWriteArrivesInSeveralReadsAndReassemblesExactly() throws Exception {
    Splitting.Result result = Splitting.run(narrator);

    assertThat(result.readSizes())
        .hasSizeGreaterThan(1)
        .allSatisfy(size -> assertThat(size).isLessThan(Splitting.MESSAGE_BYTES));
    assertThat(result.readSizes().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(Splitting.MESSAGE_BYTES);
    assertThat(result.intact()).isTrue();
  }

  @Test
  void newlineFramingRecoversMergedMessages() throws Exception {
    assertThat(LineFraming.run(narrator)).containsExactlyElementsOf(LineFraming.MESSAGES);
  }

  @Test
  void lengthPrefixFramingRecoversSplitAndMergedMessagesExactly() throws Exception {
    List<byte[]> messages =
        List.of(
            "tiny".getBytes(StandardCharsets.UTF_8),
            Splitting.pattern(Splitting.MESSAGE_BYTES),
            new byte[0],
            "a newline\ninside is fine".getBytes(StandardCharsets.UTF_8));

    List<byte[]> received = LengthPrefixFraming.run(narrator, messages);

    assertThat(received).hasSameSizeAs(messages);
    for (int i = 0; i < messages.size(); i++) {
      assertThat(received.get(i)).as("message %d", i + 1).isEqualTo(messages.get(i));
    }
  }

  @Test
  void nagleExperimentGetsAReplyInEveryRoundOfBothSettings() throws Exception {
    NagleExperiment.Result result = NagleExperiment.run(narrator, 3);

    // Timings are reported, never asserted; what must hold is that every round completed.
    assertThat(result.nagleMicros()).hasSize(3).doesNotContain(0L);
    assertThat(result.noDelayMicros()).hasSize(3).doesNotContain(0L);
    assertThat(output.toString()).contains("Nagle on").contains("TCP_NODELAY on");
  }

  private static List<String> script(String speaker) {
    return IntStream.rangeClosed(1, Conversation.MESSAGES)
        .mapToObj(k -> speaker + " message " + k)
        .toList();
  }
}
