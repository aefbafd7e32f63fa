package dev.wirelab.inspector.app.http;

import dev.wirelab.inspector.app.BoundedBytes;
import dev.wirelab.inspector.app.ChunkContext;
import dev.wirelab.inspector.app.DirectionDecoder;
import dev.wirelab.inspector.decode.MalformedFrameException;
import java.util.Arrays;

/**
 * Splits one direction of a connection into HTTP/1.x messages (keep-alive: many per connection),
 * framing each body by Content-Length, chunked encoding or connection close, and stops at a
 * WebSocket upgrade.
 */
public final class HttpStreamDecoder implements DirectionDecoder {
  private static final int MAX_HEAD = 64 * 1024;

  private enum State {
    HEAD,
    FIXED_BODY,
    CHUNKED_BODY,
    BODY_UNTIL_CLOSE,
    RESYNC,
    UPGRADED
  }

  private final HttpExchanges exchanges;
  private final HttpListener listener;
  private final BoundedBytes kept = new BoundedBytes();

  /** Bodies nobody reads are only counted, not copied. */
  private final BoundedBytes counted = new BoundedBytes(0);

  private BoundedBytes body = counted;
  private State state = State.HEAD;
  private byte[] head = new byte[512];
  private int headLength;
  private HttpHead current;
  private HttpHead request;
  private long remaining;
  private ChunkedBodyDecoder chunked;

  /** Whether the message being read began at a packet start, where tshark would also see it. */
  private boolean messageFromPacketStart;

  private boolean startedInThisChunk;
  private boolean startLineReported;

  public HttpStreamDecoder(HttpExchanges exchanges, HttpListener listener) {
    this.exchanges = exchanges;
    this.listener = listener;
  }

  @Override
  public int decode(byte[] b, int off, int len, ChunkContext context) {
    if (context.afterGap() && state != State.UPGRADED) {
      resync();
    }
    boolean packetAligned = context.packetStart() && atMessageStart();
    if (state == State.RESYNC) {
      if (!context.packetStart() || !HttpHeadParser.startsMessage(b, off, len)) {
        context.findings().note(len + " bytes inside an HTTP message whose start was not captured");
        return len;
      }
      state = State.HEAD;
      packetAligned = true;
    }
    int pos = off;
    int end = off + len;
    startedInThisChunk = false;
    try {
      while (pos < end && state != State.UPGRADED && state != State.RESYNC) {
        if (atMessageStart()) {
          messageFromPacketStart = packetAligned;
          startedInThisChunk = true;
        }
        pos += step(b, pos, end - pos, context);
        if (atMessageStart()) {
          packetAligned = messageFromPacketStart && startedInThisChunk;
        }
      }
    } catch (MalformedFrameException e) {
      context.findings().malformed(e.getMessage());
      resync();
      return len;
    }
    if (state == State.FIXED_BODY && context.findings().meanings().isEmpty()) {
      context
          .findings()
          .meaning(
              "HTTP body continues (" + body.total() + " bytes so far, " + remaining + " to come)");
    }
    return state == State.UPGRADED ? pos - off : len;
  }

  @Override
  public void endOfStream(ChunkContext context) {
    if (state == State.BODY_UNTIL_CLOSE) {
      finishMessage(context);
    }
  }

  private boolean atMessageStart() {
    return state == State.HEAD && headLength == 0;
  }

  private int step(byte[] b, int pos, int avail, ChunkContext context) {
    return switch (state) {
      case HEAD -> readHead(b, pos, avail, context);
      case FIXED_BODY -> {
        int take = (int) Math.min(remaining, avail);
        body.append(b, pos, take);
        remaining -= take;
        if (remaining == 0) {
          finishMessage(context);
        }
        yield take;
      }
      case CHUNKED_BODY -> {
        int used = chunked.consume(b, pos, avail, body);
        if (chunked.isDone()) {
          finishMessage(context);
        }
        yield used;
      }
      case BODY_UNTIL_CLOSE -> {
        body.append(b, pos, avail);
        yield avail;
      }
      default -> throw new IllegalStateException("no bytes expected in state " + state);
    };
  }

  private int readHead(byte[] b, int pos, int avail, ChunkContext context) {
    if (headLength == 0 && !HttpHeadParser.looksLikeStart(b, pos, avail)) {
      throw new MalformedFrameException("bytes that do not start an HTTP message");
    }
    int searchFrom = Math.max(0, headLength - 3);
    int take = Math.min(avail, MAX_HEAD - headLength);
    if (headLength + take > head.length) {
      head = Arrays.copyOf(head, Math.min(MAX_HEAD, Math.max(head.length * 2, headLength + take)));
    }
    System.arraycopy(b, pos, head, headLength, take);
    headLength += take;
    if (messageFromPacketStart && startedInThisChunk && !startLineReported) {
      reportStartLine(context);
    }
    int endAt = HttpHeadParser.headEnd(head, searchFrom, headLength - searchFrom);
    if (endAt < 0) {
      if (headLength == MAX_HEAD) {
        throw new MalformedFrameException("HTTP head longer than " + MAX_HEAD + " bytes");
      }
      return take;
    }
    int used = take - (headLength - endAt);
    current = HttpHeadParser.parse(head, 0, endAt);
    headLength = 0;
    startLineReported = false;
    onHead(context);
    return used;
  }

  private void onHead(ChunkContext context) {
    request = current.isRequest() ? null : interimOrAnswer();
    listener.onHead(current, request, context.findings());
    if (current.isRequest()) {
      exchanges.requestSent(current);
    }
    frameBody();
    if (state == State.HEAD && current.status() != 101) {
      finishMessage(context);
    }
  }

  private HttpHead interimOrAnswer() {
    return current.status() >= 100 && current.status() < 200 && current.status() != 101
        ? null
        : exchanges.answered();
  }

  /**
   * Reports the fields tshark shows per packet as soon as the start line is complete, even when the
   * header fields continue in later segments: tshark without reassembly reads them there too.
   */
  private void reportStartLine(ChunkContext context) {
    HttpHead start = HttpHeadParser.parseStartLine(head, 0, headLength);
    if (start != null) {
      startLineReported = true;
      HttpReporter.startLineFields(start, context.findings());
    }
  }

  private void frameBody() {
    body = listener.keepsBody(current, request) ? kept : counted;
    body.clear();
    int status = current.status();
    if (status == 101 && request != null && current.headerHasToken("Upgrade", "websocket")) {
      state = State.UPGRADED;
      listener.onUpgrade(request, current);
      return;
    }
    boolean bodiless =
        !current.isRequest()
            && (status < 200
                || status == 204
                || status == 304
                || (request != null && "HEAD".equals(request.method())));
    if (bodiless) {
      state = State.HEAD;
    } else if (current.headerHasToken("Transfer-Encoding", "chunked")) {
      chunked = new ChunkedBodyDecoder();
      state = State.CHUNKED_BODY;
    } else if (current.header("Content-Length").isPresent()) {
      remaining = contentLength(current.header("Content-Length").get());
      state = remaining == 0 ? State.HEAD : State.FIXED_BODY;
    } else {
      state = current.isRequest() ? State.HEAD : State.BODY_UNTIL_CLOSE;
    }
  }

  private static long contentLength(String value) {
    if (value.isEmpty()
        || value.length() > 18
        || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new MalformedFrameException("Content-Length is not a number: \"" + value + "\"");
    }
    return Long.parseLong(value);
  }

  private void finishMessage(ChunkContext context) {
    state = State.HEAD;
    if (body.total() > 0) {
      listener.onBody(current, request, body.toArray(), body.total(), context.findings());
      if (context.findings().meanings().isEmpty()) {
        context.findings().meaning("HTTP body complete (" + body.total() + " bytes)");
      }
    }
    body.clear();
  }

  private void resync() {
    state = State.RESYNC;
    headLength = 0;
    startLineReported = false;
    body.clear();
  }
}
