package dev.wirelab.inspector.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Inspector;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TCP's story on one generated connection that shows every analysis flag (tshark agrees frame by
 * frame: TsharkAgreementTest runs on gen_tcp_story.pcap too), relative and raw sequence numbers.
 */
class TcpStoryTest {
  private static final String STORY = Inspector.capture("gen_tcp_story.pcap").toString();

  @Test
  void theSummaryNamesWhatHappenedToEachSegment() {
    List<String> lines = List.of(Inspector.run(STORY).out().split("\n"));

    assertThat(lines.get(4))
        .endsWith("seq 201:301, ack 1, win 65535, length 100 [previous segment not captured]");
    assertThat(lines.get(7)).endsWith("[duplicate ACK #1]");
    assertThat(lines.get(10)).endsWith("[duplicate ACK #3]");
    assertThat(lines.get(11))
        .endsWith("seq 101:201, ack 1, win 65535, length 100 [fast retransmission]");
    assertThat(lines.get(13)).endsWith("[spurious retransmission]");
    assertThat(lines.get(14)).endsWith("win 0, length 0 [zero window]");
    assertThat(lines.get(15)).endsWith("length 1 [zero window probe]");
    assertThat(lines.get(17)).endsWith("[window update]");
    assertThat(lines.get(20)).endsWith("seq 600, ack 1, win 65535, length 0 [keep alive]");
    assertThat(lines.get(23)).endsWith("[out of order]");
    assertThat(lines.get(26)).endsWith("[window full]");
    assertThat(lines.get(27)).endsWith("Flags [.], seq 1, ack 901, win 65535, length 0");
  }

  @Test
  void jsonListsTheFlagsByTsharkNameWithRawNumbers() {
    List<String> lines = List.of(Inspector.run("--json", STORY).out().split("\n"));

    assertThat(lines.get(11))
        .contains(
            "\"tcp.seq\":201,", "\"tcp.analysis\":[\"retransmission\",\"fast_retransmission\"]");
    assertThat(lines.get(10))
        .contains("\"tcp.analysis\":[\"duplicate_ack\"],\"tcp.analysis.dup_ack_num\":3");
    assertThat(lines.get(2)).doesNotContain("tcp.analysis");
  }

  @Test
  void layersExplainEachFlag() {
    String layers = Inspector.run("--layers", "-c", "12", STORY).out();

    assertThat(layers)
        .contains(
            "Analysis: fast retransmission  (resent at once after duplicate ACKs",
            "Analysis: duplicate ACK #2  (repeats the last ACK");
  }

  @Test
  void absoluteSeqShowsTheRawNumbers() {
    List<String> lines = List.of(Inspector.run("--absolute-seq", STORY).out().split("\n"));

    assertThat(lines.get(0)).endsWith("Flags [S], seq 100, win 65535, length 0");
    assertThat(lines.get(3)).endsWith("Flags [P.], seq 101, ack 501, win 65535, length 100");
  }
}
