package dev.wirelab.labs.lab12;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurableLogTest {
  @Test
  void offsetsStartAtOneAndReplayReturnsOnlyNewerEntries() {
    DurableLog log = new DurableLog();
    assertThat(log.append(7)).isEqualTo(1);
    assertThat(log.append(8)).isEqualTo(2);
    assertThat(log.append(9)).isEqualTo(3);

    assertThat(log.after(0))
        .containsExactly(
            new DurableLog.Entry(1, 7), new DurableLog.Entry(2, 8), new DurableLog.Entry(3, 9));
    assertThat(log.after(2)).containsExactly(new DurableLog.Entry(3, 9));
    assertThat(log.after(3)).isEmpty();
  }

  @Test
  void dedupeStoresARepeatedIdOnce() {
    NoteStore deduped = new NoteStore(true);
    assertThat(deduped.accept("n-1", "a")).isTrue();
    assertThat(deduped.accept("n-1", "a")).isFalse();
    assertThat(deduped.stored()).isEqualTo(1);
    assertThat(deduped.duplicated()).isZero();

    NoteStore plain = new NoteStore(false);
    plain.accept("n-1", "a");
    plain.accept("n-1", "a");
    assertThat(plain.stored()).isEqualTo(2);
    assertThat(plain.duplicated()).isEqualTo(1);
  }
}
