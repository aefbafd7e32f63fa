package dev.wirelab.chat.engineio;

import dev.wirelab.chat.http.HttpExchange;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The long-polling side of a session: packets waiting for the client, and the GET (at most one)
 * waiting for packets. Used only on the session's event loop.
 */
final class PollingOutbox {
  private static final String TEXT_PLAIN = "text/plain; charset=UTF-8";

  // Every session has an outbox, but a WebSocket session never queues here: a plain list, created
  // by the first packet, replaced (not cleared) when taken.
  private List<Packet> queue = List.of();
  private volatile long queuedBytes;
  private HttpExchange waitingGet;
  private ChannelFutureListener waitingGetClosed;

  /** Queues a packet and returns how many bytes are queued now. */
  long add(Packet packet) {
    if (queue.isEmpty()) {
      queue = new ArrayList<>();
    }
    queue.add(packet);
    queuedBytes += packet.estimatedBytes();
    return queuedBytes;
  }

  /** Safe to read from any thread: {@code isWritable()} asks it. */
  long queuedBytes() {
    return queuedBytes;
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  boolean hasWaitingGet() {
    return waitingGet != null;
  }

  /**
   * Holds a GET until there is something to send. When its connection closes first, {@code onGone}
   * receives it (on the connection's thread).
   */
  void hold(HttpExchange get, Consumer<HttpExchange> onGone) {
    waitingGet = get;
    waitingGetClosed = future -> onGone.accept(get);
    get.channel().closeFuture().addListener(waitingGetClosed);
  }

  /** Forgets the GET if it is still the one waiting; true when it was. */
  boolean forget(HttpExchange get) {
    if (waitingGet != get) {
      return false;
    }
    take();
    return true;
  }

  /** Answers the waiting GET with everything queued, then {@code last} packets. */
  void flush(Packet... last) {
    List<Packet> payload = new ArrayList<>(queue.size() + last.length);
    payload.addAll(queue);
    payload.addAll(List.of(last));
    queue = List.of();
    queuedBytes = 0;
    take().reply(HttpResponseStatus.OK, TEXT_PLAIN, PacketCodec.encodePayload(payload));
  }

  /** Answers the waiting GET with one packet alone, leaving the queue as it is. */
  void answer(Packet packet) {
    take().reply(HttpResponseStatus.OK, TEXT_PLAIN, PacketCodec.encode(packet));
  }

  /** Answers the waiting GET with an error, leaving the queue as it is. */
  void refuse(EngineIoError error) {
    error.replyTo(take());
  }

  /** Takes every queued packet out, in order, for another transport to send. */
  List<Packet> drain() {
    List<Packet> packets = queue;
    queue = List.of();
    queuedBytes = 0;
    return packets;
  }

  private HttpExchange take() {
    HttpExchange get = waitingGet;
    get.channel().closeFuture().removeListener(waitingGetClosed);
    waitingGet = null;
    waitingGetClosed = null;
    return get;
  }
}
