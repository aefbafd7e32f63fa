package dev.wirelab.chat.engineio;

import dev.wirelab.chat.http.HttpExchange;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's HTTP long-polling: answers its GETs and POSTs, batches what one loop turn sends into
 * one payload, and holds a GET that races an upgrade, because the client's order of requests must
 * survive them reaching the session on different connections. Used on the session's loop.
 */
final class PollingTransport implements Transport {
  private static final Logger log = LoggerFactory.getLogger(PollingTransport.class);

  /**
   * How long a GET that arrives during an upgrade waits for the upgrade to end before it is
   * answered with a noop: the reference server's fast-upgrade interval.
   */
  static final long UPGRADE_HOLD_MILLIS = 100;

  private final EngineIoSession session;
  private final PollingOutbox outbox = new PollingOutbox();
  private boolean flushScheduled;

  /** The waiting GET arrived while an upgrade was in flight; the upgrade's outcome answers it. */
  private boolean pollHeldForUpgrade;

  private ScheduledFuture<?> upgradeHoldTimer;

  PollingTransport(EngineIoSession session) {
    this.session = session;
  }

  @Override
  public String name() {
    return "polling";
  }

  @Override
  public void send(Packet packet) {
    long queued = outbox.add(packet);
    if (!session.dropIfOverOwnLimit(queued) && outbox.hasWaitingGet() && !flushScheduled) {
      // Packets sent in the same event-loop turn leave together in one payload.
      flushScheduled = true;
      session.loop().execute(this::flush);
    }
  }

  @Override
  public long bytesWaiting() {
    return outbox.queuedBytes();
  }

  boolean hasWaitingGet() {
    return outbox.hasWaitingGet();
  }

  /** Answers the waiting GET with what is queued, unless the upgrade holds polls back. */
  void flush() {
    flushScheduled = false;
    if (outbox.hasWaitingGet()
        && !outbox.isEmpty()
        && session.upgrade().state() != UpgradeState.UPGRADING
        && !pollHeldForUpgrade) {
      outbox.flush();
    }
  }

  /** A GET for a session that is open and polling. */
  void onPoll(HttpExchange exchange) {
    if (outbox.hasWaitingGet()) {
      log.info("{}: a second GET while one is pending; closing the session", session);
      // The pending GET is answered first, so pipelined replies keep their order.
      session.close(CloseReason.TRANSPORT_ERROR);
      EngineIoError.BAD_REQUEST.replyTo(exchange);
    } else if (session.isClosing()) {
      // Held only for the close below, which answers it with the queue and the close packet.
      outbox.hold(exchange, gone -> {});
      session.close(CloseReason.FORCED_CLOSE);
    } else if (session.upgrade().state().inFlight()) {
      holdUntilUpgradeEnds(exchange);
    } else {
      park(exchange);
      flush();
    }
  }

  /** A POST for a session that is open and polling: its packets, then {@code ok}. */
  void onPost(HttpExchange exchange, byte[] body) {
    if (session.isClosing()) {
      exchange.reply(HttpResponseStatus.OK, "text/html", "ok");
      return;
    }
    List<Packet> packets;
    try {
      packets = PacketCodec.decodePayload(PacketCodec.utf8(body));
    } catch (PacketParseException e) {
      log.info("{}: parse error in POST: {}", session, e.getMessage());
      EngineIoError.BAD_REQUEST.replyTo(exchange);
      session.close(CloseReason.PARSE_ERROR);
      return;
    }
    for (Packet packet : packets) {
      if (session.isClosed()) {
        break;
      }
      session.onPacket(packet);
    }
    exchange.reply(HttpResponseStatus.OK, "text/html", "ok");
  }

  private void park(HttpExchange exchange) {
    outbox.hold(
        exchange,
        gone ->
            session.onLoop(
                () -> {
                  if (outbox.forget(gone)) {
                    session.close(CloseReason.TRANSPORT_CLOSE);
                  }
                }));
  }

  /**
   * The client sent this GET while an upgrade was in flight, so its {@code 5} may already be on the
   * wire, read by another event loop but not yet here. Answering now would order the GET before it;
   * instead the GET waits: refused like any polling request after the upgrade if the upgrade
   * completes, released with a noop (as the reference server's fast-upgrade check does) if it has
   * not completed shortly, an ordinary long-poll again if the upgrade fails.
   */
  private void holdUntilUpgradeEnds(HttpExchange exchange) {
    park(exchange);
    pollHeldForUpgrade = true;
    upgradeHoldTimer =
        session
            .loop()
            .schedule(
                () -> {
                  if (pollHeldForUpgrade && outbox.hasWaitingGet()) {
                    pollHeldForUpgrade = false;
                    outbox.answer(Packet.of(PacketType.NOOP));
                  }
                },
                UPGRADE_HOLD_MILLIS,
                TimeUnit.MILLISECONDS);
  }

  /** Ends the hold of a GET that arrived during the upgrade; true when one was waiting. */
  private boolean releaseHeldPoll() {
    if (upgradeHoldTimer != null) {
      upgradeHoldTimer.cancel(false);
    }
    boolean held = pollHeldForUpgrade && outbox.hasWaitingGet();
    pollHeldForUpgrade = false;
    return held;
  }

  /**
   * The probe is answered: the client's long-poll from before the upgrade must end before the
   * client sends {@code 5}, so it gets a noop (a GET held for the upgrade waits for its outcome).
   */
  void endPollBeforeUpgrade() {
    if (outbox.hasWaitingGet() && !pollHeldForUpgrade) {
      outbox.answer(Packet.of(PacketType.NOOP));
    }
  }

  /** The upgrade failed: a held GET polls on as usual. */
  void upgradeAbandoned() {
    releaseHeldPoll();
    flush();
  }

  /** The upgrade succeeded: a held GET is refused as after it; returns what was queued. */
  List<Packet> handOver() {
    if (releaseHeldPoll()) {
      outbox.refuse(EngineIoError.BAD_REQUEST);
    }
    return outbox.drain();
  }

  @Override
  public void close(CloseReason reason) {
    if (upgradeHoldTimer != null) {
      upgradeHoldTimer.cancel(false);
    }
    if (outbox.hasWaitingGet()) {
      // The reference server ends a pending GET with a noop when the client asked to close.
      outbox.flush(
          Packet.of(reason == CloseReason.TRANSPORT_CLOSE ? PacketType.NOOP : PacketType.CLOSE));
    }
    outbox.drain();
  }
}
