package dev.wirelab.chat.classroom.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final RateLimiter limiter = new RateLimiter(3, 1_000_000_000L, now::get);

  @Test
  void allowsABurstThenRefusesUntilTimeRefillsTheBucket() {
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isFalse();

    now.addAndGet(1_000_000_000L);
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isFalse();
  }

  @Test
  void aLongPauseRefillsOnlyUpToTheBurstSize() {
    now.addAndGet(3_600_000_000_000L);
    int allowed = 0;
    while (allowed < 10 && limiter.tryAcquire()) {
      allowed++;
    }
    assertThat(allowed).isEqualTo(3);
  }
}
