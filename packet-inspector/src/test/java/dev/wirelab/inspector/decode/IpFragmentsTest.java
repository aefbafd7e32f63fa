package dev.wirelab.inspector.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bounds of IP reassembly: timeouts, how many datagrams wait, and the largest datagram. */
class IpFragmentsTest {
  private final IpFragments fragments = new IpFragments();
  private final byte[] piece = new byte[800];

  @Test
  void aDatagramWhoseLastFragmentComesTooLateIsForgotten() {
    IpFragments.Key key = new IpFragments.Key(4, "10.0.0.1", "10.0.0.2", 17, 7);
    fragments.add(key, 1, 0, 0, true, 17, piece, 0, 400);

    IpFragments.Outcome late =
        fragments.add(key, 2, IpFragments.TIMEOUT_SECONDS + 1, 400, false, 17, piece, 0, 400);

    assertThat(late.datagram()).isNull();
    assertThat(late.note()).contains("held until the rest arrives");
  }

  @Test
  void inTimeTheDatagramIsComplete() {
    IpFragments.Key key = new IpFragments.Key(4, "10.0.0.1", "10.0.0.2", 17, 7);
    fragments.add(key, 1, 0, 400, false, 17, piece, 0, 400);

    IpFragments.Outcome done =
        fragments.add(key, 2, IpFragments.TIMEOUT_SECONDS, 0, true, 17, piece, 0, 400);

    assertThat(done.datagram()).hasSize(800);
    assertThat(done.frames()).containsExactly(1L, 2L);
    assertThat(fragments.waiting()).isZero();
  }

  @Test
  void atMostAFixedNumberOfDatagramsWait() {
    for (int id = 0; id < IpFragments.MAX_DATAGRAMS * 3; id++) {
      fragments.add(
          new IpFragments.Key(4, "10.0.0.1", "10.0.0.2", 17, id), id, 0, 0, true, 17, piece, 0, 8);
    }

    assertThat(fragments.waiting()).isEqualTo(IpFragments.MAX_DATAGRAMS);
  }

  @Test
  void aFragmentPastTheLargestDatagramDiscardsIt() {
    IpFragments.Key key = new IpFragments.Key(6, "::1", "::2", 0, 9);

    IpFragments.Outcome outcome = fragments.add(key, 1, 0, 65_528, false, 17, piece, 0, 400);

    assertThat(outcome.note()).contains("past the largest possible datagram");
    assertThat(fragments.waiting()).isZero();
  }
}
