package dev.wirelab.chat.engineio;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A polling session's move to a WebSocket connection, step by step ({@link UpgradeState}), so that
 * the client's probe, its {@code 5} and every connection or request racing them meet one state
 * machine instead of a set of flags. Runs on the session's loop: {@link #claim} and {@link
 * #isProbe} are safe from any thread, and the other calls from outside the session hop onto its
 * loop.
 */
final class WebSocketUpgrade {
  private static final Logger log = LoggerFactory.getLogger(WebSocketUpgrade.class);

  /** The step, and the connection attempting the upgrade, changed together. */
  private record Step(UpgradeState state, Channel probe) {}

  private static final Step NOT_UPGRADING = new Step(UpgradeState.NONE, null);
  private static final VarHandle STEP;

  static {
    try {
      STEP = MethodHandles.lookup().findVarHandle(WebSocketUpgrade.class, "step", Step.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final EngineIoSession session;

  /** Compare-and-set by {@link #claim} from the probe's own loop, written on the session's. */
  private volatile Step step = NOT_UPGRADING;

  private ScheduledFuture<?> timeout;

  /** Created by the first refused connection: almost no session has one. */
  private List<Channel> refusedWebSockets = List.of();

  WebSocketUpgrade(EngineIoSession session) {
    this.session = session;
  }

  UpgradeState state() {
    return step.state();
  }

  /**
   * Reserves the upgrade for this connection, before its handshake is answered, so that every
   * request the client sends after seeing the handshake finds an upgrade in flight; safe from any
   * thread. False when another connection holds it or the upgrade has happened.
   */
  boolean claim(Channel channel) {
    return !session.isClosed()
        && !session.isClosing()
        && session.isPolling()
        && STEP.compareAndSet(this, NOT_UPGRADING, new Step(UpgradeState.CLAIMED, channel));
  }

  /** Whether {@code channel} holds the upgrade; safe from any thread. */
  boolean isProbe(Channel channel) {
    return step.probe() == channel;
  }

  private void moveTo(UpgradeState next, Channel probe) {
    UpgradeState checked = state().moveTo(next);
    step = checked == UpgradeState.NONE ? NOT_UPGRADING : new Step(checked, probe);
  }

  /** The claimed connection's WebSocket handshake failed: the upgrade is free again. */
  void release(Channel channel) {
    session.onLoop(
        () -> {
          if (isProbe(channel) && state() == UpgradeState.CLAIMED) {
            moveTo(UpgradeState.NONE, null);
            session.polling().upgradeAbandoned();
          }
        });
  }

  /** The claimed connection's handshake is answered: the probe is due within the timeout. */
  void attach(Channel channel) {
    session.onLoop(() -> start(channel));
  }

  private void start(Channel channel) {
    if (session.isClosed() || !isProbe(channel)) {
      log.info("{}: closed before its upgrade started", session);
      channel.close();
      return;
    }
    moveTo(UpgradeState.PROBING, channel);
    long millis = session.options().upgradeTimeoutMillis();
    timeout =
        session
            .loop()
            .schedule(
                () -> {
                  log.info("{}: upgrade not completed within {} ms", session, millis);
                  abort();
                },
                millis,
                TimeUnit.MILLISECONDS);
  }

  /** A packet on the probe connection: its {@code 2probe}, then its {@code 5}, nothing else. */
  void onProbePacket(Packet packet) {
    UpgradeState now = state();
    if (packet.isProbe() && now.canMoveTo(UpgradeState.UPGRADING)) {
      // Already answered by the connection's own handler (WebSocketTransportHandler.answerProbe).
      moveTo(UpgradeState.UPGRADING, step.probe());
      session.polling().endPollBeforeUpgrade();
    } else if (packet.type() == PacketType.UPGRADE && now.canMoveTo(UpgradeState.UPGRADED)) {
      complete();
    } else {
      log.info("{}: unexpected {} while {}; upgrade abandoned", session, packet, now);
      abort();
    }
  }

  private void complete() {
    timeout.cancel(false);
    Channel channel = step.probe();
    moveTo(UpgradeState.UPGRADED, null);
    session.upgradedTo(channel);
    // From the upgraded connection's loop: the 3probe and the drained packets leave first.
    closeRefusedOn(channel.eventLoop());
  }

  /** Gives the upgrade up (timeout, probe closed or failed, a step out of order). */
  void abort() {
    Step abandoned = step;
    if (abandoned.state().inFlight()) {
      moveTo(UpgradeState.NONE, null);
    }
    if (abandoned.probe() != null) {
      abandoned.probe().close();
    }
    if (timeout != null) {
      timeout.cancel(false);
    }
    session.polling().upgradeAbandoned();
    closeRefusedOn(Runnable::run);
  }

  /**
   * Closes a WebSocket that came for a session already upgrading or upgraded, after its handshake,
   * as the reference server does, so the client sees a clean close. The close follows the end of
   * the upgrade and what is queued on the upgraded connection: the client's probe and {@code 5},
   * sent before this connection was opened, are answered first.
   */
  void refuse(Channel channel) {
    session.onLoop(
        () -> {
          if (refusedWebSockets.isEmpty()) {
            refusedWebSockets = new ArrayList<>(1);
          }
          refusedWebSockets.add(channel);
          if (step.probe() == null || session.isClosed()) {
            closeRefusedOn(session.webSocketLoopOr(Runnable::run));
          }
        });
  }

  /** The session closed: the upgrade ends with it. */
  void close() {
    if (timeout != null) {
      timeout.cancel(false);
    }
    Step unfinished = step;
    if (unfinished.state().inFlight()) {
      // No claim can race this write: a claim only succeeds from NONE.
      moveTo(UpgradeState.NONE, null);
      unfinished.probe().close();
    }
    closeRefusedOn(Runnable::run);
  }

  /** Closes the refused connections from {@code executor}, after the work queued there. */
  private void closeRefusedOn(Executor executor) {
    if (refusedWebSockets.isEmpty()) {
      return;
    }
    List<Channel> refused = refusedWebSockets;
    refusedWebSockets = List.of();
    executor.execute(
        () -> {
          for (Channel channel : refused) {
            channel
                .writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                .addListener(ChannelFutureListener.CLOSE);
          }
        });
  }
}
