package dev.wirelab.chat.engineio;

import static dev.wirelab.chat.engineio.FrozenSession.frame;
import static dev.wirelab.chat.engineio.FrozenSession.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;

/**
 * The upgrade's state machine on EmbeddedChannels with time frozen: each step in order, each way
 * back to polling, and the steps out of order, which are refused.
 */
class WebSocketUpgradeTest {
  private static final String BAD_REQUEST = "400 {\"code\":3,\"message\":\"Bad request\"}";

  /** Back to NONE, the probe's connection closed, the session still polling. */
  private static void assertAbandoned(FrozenSession frozen, EmbeddedChannel probe) {
    assertThat(frozen.session.upgrade().state()).isEqualTo(UpgradeState.NONE);
    assertThat(probe.isOpen()).as("probe connection open").isFalse();
    assertThat(frozen.session.transportName()).isEqualTo("polling");
  }

  @Test
  void anUpgradeGoesThroughEachStepInOrder() throws Exception {
    try (FrozenSession frozen = new FrozenSession()) {
      EngineIoSession session = frozen.session;
      EmbeddedChannel longPoll = frozen.poll();
      assertThat(session.upgrade().state()).isEqualTo(UpgradeState.NONE);

      EmbeddedChannel probe = frozen.claimedProbe();
      assertThat(session.upgrade().state()).isEqualTo(UpgradeState.CLAIMED);

      session.upgrade().attach(probe);
      assertThat(session.upgrade().state()).isEqualTo(UpgradeState.PROBING);

      assertThat(frame(probe, "2probe")).isEqualTo("3probe");
      assertThat(session.upgrade().state()).isEqualTo(UpgradeState.UPGRADING);
      assertThat(EmbeddedHttp.answer(longPoll)).as("the poll from before ends").isEqualTo("200 6");
      session.send("queued while upgrading");

      assertThat(frame(probe, "5")).isEqualTo("4queued while upgrading");
      assertThat(session.upgrade().state()).isEqualTo(UpgradeState.UPGRADED);
      assertThat(session.transportName()).isEqualTo("websocket");
      session.send("on the WebSocket");
      assertThat(text(probe)).isEqualTo("4on the WebSocket");
    }
  }

  @Test
  void aFailedHandshakeFreesTheClaimForAnotherConnection() throws Exception {
    try (FrozenSession frozen = new FrozenSession()) {
      EmbeddedChannel failed = frozen.claimedProbe();

      frozen.session.upgrade().release(failed);

      assertThat(frozen.session.upgrade().state()).isEqualTo(UpgradeState.NONE);
      frozen.claimedProbe();
      assertThat(frozen.session.upgrade().state()).isEqualTo(UpgradeState.CLAIMED);
    }
  }

  @Test
  void aSecondConnectionCannotClaimAnUpgradeInFlight() throws Exception {
    try (FrozenSession frozen = new FrozenSession()) {
      EmbeddedChannel probe = frozen.claimedProbe();

      assertThat(frozen.session.upgrade().claim(new EmbeddedChannel())).isFalse();
      assertThat(frozen.session.upgrade().isProbe(probe)).isTrue();
    }
  }

  @Test
  void aProbeThatDoesNotFinishWithinTheUpgradeTimeoutIsAbandoned() throws Exception {
    try (FrozenSession frozen = new FrozenSession()) {
      EmbeddedChannel probe = frozen.attachedProbe();
      long timeout = EngineIoOptions.defaults().upgradeTimeoutMillis();

      frozen.advanceMillis(timeout - 1);
      assertThat(frozen.session.upgrade().state()).isEqualTo(UpgradeState.PROBING);

      frozen.advanceMillis(1);
      assertAbandoned(frozen, probe);
    }
  }

  @Test
  void aSecondProbeAbandonsTheUpgradeAndTheSessionPollsOn() throws Exception {
    try (FrozenSession frozen = new FrozenSession()) {
      EmbeddedChannel probe = frozen.attachedProbe();
      assertThat(frame(probe, "2probe")).isEqualTo("3probe");

      assertThat(frame(probe, "2probe"))
          .as("answered by the connection, as the first")
          .isEqualTo("3probe");

      assertAbandoned(frozen, probe);
      frozen.session.send("still polling");
      assertThat(EmbeddedHttp.answer(frozen.poll())).isEqualTo("200 4still polling");
    }
  }

  @Test
  void anUpgradePacketWithoutAProbeAbandonsTheUpgrade() throws Exception {
    try (FrozenSession frozen = new FrozenSession()) {
      EmbeddedChannel probe = frozen.attachedProbe();

      assertThat(frame(probe, "5")).isNull();

      assertAbandoned(frozen, probe);
    }
  }

  @Test
  void pollingRequestsAfterTheUpgradeAreRefused() throws Exception {
    try (FrozenSession frozen = new FrozenSession()) {
      EmbeddedChannel probe = frozen.attachedProbe();
      frame(probe, "2probe");
      frame(probe, "5");

      assertThat(EmbeddedHttp.answer(frozen.poll())).isEqualTo(BAD_REQUEST);
      assertThat(EmbeddedHttp.answer(frozen.pollPastTheRouting()))
          .as("a GET routed before the 5, run after it")
          .isEqualTo(BAD_REQUEST);
      assertThat(EmbeddedHttp.answer(frozen.send(HttpMethod.POST, "4late"))).isEqualTo(BAD_REQUEST);
      assertThat(frozen.session.upgrade().state()).isEqualTo(UpgradeState.UPGRADED);
      assertThat(frozen.session.upgrade().claim(new EmbeddedChannel())).isFalse();
    }
  }

  @Test
  void eachStepMayFollowOnlyTheOneBeforeIt() {
    assertThat(UpgradeState.NONE.canMoveTo(UpgradeState.CLAIMED)).isTrue();
    assertThat(UpgradeState.CLAIMED.canMoveTo(UpgradeState.PROBING)).isTrue();
    assertThat(UpgradeState.PROBING.canMoveTo(UpgradeState.UPGRADING)).isTrue();
    assertThat(UpgradeState.UPGRADING.canMoveTo(UpgradeState.UPGRADED)).isTrue();
    for (UpgradeState inFlight :
        new UpgradeState[] {UpgradeState.CLAIMED, UpgradeState.PROBING, UpgradeState.UPGRADING}) {
      assertThat(inFlight.canMoveTo(UpgradeState.NONE)).as(inFlight + " may give up").isTrue();
    }
    assertThat(UpgradeState.NONE.canMoveTo(UpgradeState.UPGRADED)).isFalse();
    assertThat(UpgradeState.PROBING.canMoveTo(UpgradeState.UPGRADED)).isFalse();
    assertThat(UpgradeState.UPGRADING.canMoveTo(UpgradeState.UPGRADING)).isFalse();
    for (UpgradeState any : UpgradeState.values()) {
      assertThat(UpgradeState.UPGRADED.canMoveTo(any)).as("UPGRADED to " + any).isFalse();
    }
    assertThatThrownBy(() -> UpgradeState.UPGRADED.moveTo(UpgradeState.PROBING))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("an upgrade cannot go from UPGRADED to PROBING");
  }
}
