package dev.wirelab.labs.lab12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.support.LabRun;
import dev.wirelab.labs.support.Narrator;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class Lab12MissedEventsTest {
  private static final int EVENTS = 12;
  private static final int CUT_AFTER = 3;
  private static final int AWAY = 4;

  private final StringWriter story = new StringWriter();
  private final MissedEventsExperiment experiment =
      new MissedEventsExperiment(
          "127.0.0.1", 0, EVENTS, CUT_AFTER, AWAY, new Narrator(new PrintWriter(story), "test"));

  @Test
  void withoutQueueingEveryTickEmittedWhileAwayIsLost() throws Exception {
    Outcome outcome = experiment.run(Strategy.NONE);

    assertThat(outcome.lost()).as(story.toString()).isEqualTo(AWAY);
    assertThat(outcome.recovered()).isZero();
    assertThat(outcome.duplicated()).isZero();
    assertThat(outcome.received()).isEqualTo(EVENTS - AWAY);
    assertThat(outcome.resumed()).isFalse();
  }

  @Test
  void connectionStateRecoveryReplaysTheMissedTicksOnce() throws Exception {
    Outcome outcome = experiment.run(Strategy.RECOVERY);

    assertThat(outcome.lost()).as(story.toString()).isZero();
    assertThat(outcome.duplicated()).isZero();
    assertThat(outcome.recovered()).isEqualTo(AWAY);
    assertThat(outcome.resumed()).as("the server restored the session").isTrue();
    assertThat(story.toString())
        .containsPattern("connected as (\\S+)\\n(?s).*the client is back as \\1: recovered");
  }

  @Test
  void durableOffsetsCatchUpFromTheLastOffsetSeen() throws Exception {
    Outcome outcome = experiment.run(Strategy.DURABLE);

    assertThat(outcome.lost()).as(story.toString()).isZero();
    assertThat(outcome.duplicated()).isZero();
    assertThat(outcome.recovered()).isEqualTo(AWAY);
    assertThat(outcome.resumed()).as("a new session; the offsets did the work").isFalse();
  }

  @Test
  void retriesWithIdsAndDedupeStoreEachNoteOnceAndWithoutDedupeTwice() throws Exception {
    UplinkExperiment uplink =
        new UplinkExperiment("127.0.0.1", 0, 4, 2, new Narrator(new PrintWriter(story), "test"));

    UplinkExperiment.Result deduped = uplink.run(true);
    assertThat(deduped.sends()).as("one retry, after the lost ack").isEqualTo(5);
    assertThat(deduped.stored()).isEqualTo(4);
    assertThat(deduped.duplicated()).isZero();

    UplinkExperiment.Result plain = uplink.run(false);
    assertThat(plain.sends()).isEqualTo(5);
    assertThat(plain.stored()).isEqualTo(5);
    assertThat(plain.duplicated()).isEqualTo(1);
    assertThat(story.toString()).contains("no ack for note-2: the connection dropped");
  }

  @Test
  void demoPrintsTheTable() {
    LabRun run = LabRun.of(new Lab12MissedEvents(), "demo", "--port", "0");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.prose())
        .startsWith(
            "lab 12 Missed events and message queueing: mode=demo host=127.0.0.1 port=0 events=20 cut-after=5 away=5");
    assertThat(run.out())
        .containsPattern("(?m)^1 no queueing +20 +15 +5 +0 +0 +false$")
        .containsPattern("(?m)^2 connection state recovery +20 +20 +0 +5 +0 +true$")
        .containsPattern("(?m)^3 durable offsets +20 +20 +0 +5 +0 +false$")
        .containsPattern("(?m)^3 ids \\+ dedupe \\(exactly once\\) +5 +6 +5 +0$")
        .containsPattern("(?m)^ +retries without dedupe +5 +6 +6 +1$");
  }

  @Test
  void impossibleCountsAreOneLine() {
    assertThat(LabRun.of(new Lab12MissedEvents(), "demo", "--events", "2").assertOneLineError())
        .isEqualTo("error: --events 2 is out of range: use 3 to 1000");
    assertThat(
            LabRun.of(new Lab12MissedEvents(), "demo", "--cut-after", "10", "--away", "10")
                .assertOneLineError())
        .contains("--cut-after 10 and --away 10");
  }
}
