package dev.wirelab.chat.engineio;

/**
 * The steps of a session's upgrade from polling to WebSocket, written down in one place so that a
 * step out of order is refused whole instead of half-applied to a handful of flags.
 *
 * <pre>
 * NONE ──claim──► CLAIMED ──handshake answered──► PROBING ──2probe──► UPGRADING ──5──► UPGRADED
 *   ▲                │                               │                    │
 *   └────────────────┴─── handshake failed, timeout, close, a packet out of order
 * </pre>
 */
enum UpgradeState {
  /** No upgrade in flight: the session polls (or opened on a WebSocket and stays there). */
  NONE,
  /** A WebSocket connection has reserved the upgrade; its handshake is being answered. */
  CLAIMED,
  /** The probe's handshake is answered and the upgrade timeout runs; the client's 2probe is due. */
  PROBING,
  /** The 2probe is answered; the client ends its poll and sends {@code 5}. */
  UPGRADING,
  /** The session is on the probe's connection for good. */
  UPGRADED;

  /** Whether the upgrade may go from this step to {@code next}. */
  boolean canMoveTo(UpgradeState next) {
    return switch (this) {
      case NONE -> next == CLAIMED;
      case CLAIMED -> next == PROBING || next == NONE;
      case PROBING -> next == UPGRADING || next == NONE;
      case UPGRADING -> next == UPGRADED || next == NONE;
      case UPGRADED -> false;
    };
  }

  /** {@code next}, or an exception naming both steps when the upgrade may not go there. */
  UpgradeState moveTo(UpgradeState next) {
    if (!canMoveTo(next)) {
      throw new IllegalStateException("an upgrade cannot go from " + this + " to " + next);
    }
    return next;
  }

  /** Between a claim and its outcome: polls wait, a second WebSocket is refused. */
  boolean inFlight() {
    return this == CLAIMED || this == PROBING || this == UPGRADING;
  }
}
