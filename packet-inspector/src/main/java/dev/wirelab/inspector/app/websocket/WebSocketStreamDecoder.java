package dev.wirelab.inspector.app.websocket;

import dev.wirelab.inspector.app.AppFindings;
import dev.wirelab.inspector.app.BoundedBytes;
import dev.wirelab.inspector.app.ChunkContext;
import dev.wirelab.inspector.app.DirectionDecoder;
import dev.wirelab.inspector.decode.MalformedFrameException;

/**
 * Splits one direction of an upgraded connection into RFC 6455 frames, undoes the client's masking,
 * and hands whole frames to a {@link WebSocketMessageAssembler}.
 */
public final class WebSocketStreamDecoder implements DirectionDecoder {
  private static final int MAX_HEADER = 14;

  private final WebSocketMessageAssembler assembler;
  private final byte[] header = new byte[MAX_HEADER];
  private final BoundedBytes payload = new BoundedBytes();
  private int headerFill;
  private WebSocketFrameHeader current;
  private WebSocketFrameHeader justParsed;
  private long remaining;
  private long unmaskIndex;
  private boolean resyncing;
  private boolean frameFromPacketStart;
  private boolean startedInThisChunk;

  public WebSocketStreamDecoder(WebSocketListener listener) {
    this.assembler = new WebSocketMessageAssembler(listener);
  }

  @Override
  public int decode(byte[] b, int off, int len, ChunkContext context) {
    if (context.afterGap()) {
      resync();
    }
    if (resyncing) {
      if (!context.packetStart()) {
        context.findings().note(len + " WebSocket bytes skipped until a segment starts a frame");
        return len;
      }
      resyncing = false;
    }
    boolean packetAligned = context.packetStart() && atFrameStart();
    startedInThisChunk = false;
    int count = 0;
    int pos = off;
    int end = off + len;
    try {
      while (pos < end) {
        if (atFrameStart()) {
          frameFromPacketStart = packetAligned;
          startedInThisChunk = true;
        }
        justParsed = null;
        pos += step(b, pos, end - pos, context.findings());
        if (justParsed != null && frameFromPacketStart && startedInThisChunk) {
          count++;
          reportPerPacketFields(justParsed, context.findings());
        }
        if (atFrameStart()) {
          packetAligned = frameFromPacketStart && startedInThisChunk;
        }
      }
    } catch (MalformedFrameException e) {
      context.findings().malformed(e.getMessage());
      resync();
    }
    if (count > 1) {
      context.findings().field("ws.count", count);
    }
    if (current != null && context.findings().meanings().isEmpty()) {
      long received = current.payloadLength() - remaining;
      context
          .findings()
          .meaning(
              "WS "
                  + WebSocketOpcode.name(current.opcode())
                  + " frame continues ("
                  + received
                  + " of "
                  + current.payloadLength()
                  + " payload bytes so far)");
    }
    return len;
  }

  private boolean atFrameStart() {
    return current == null && headerFill == 0;
  }

  private int step(byte[] b, int pos, int avail, AppFindings out) {
    if (current == null) {
      return readHeader(b, pos, avail, out);
    }
    int take = (int) Math.min(remaining, avail);
    unmaskInto(b, pos, take);
    remaining -= take;
    if (remaining == 0) {
      finishFrame(out);
    }
    return take;
  }

  private int readHeader(byte[] b, int pos, int avail, AppFindings out) {
    int take = Math.min(avail, MAX_HEADER - headerFill);
    System.arraycopy(b, pos, header, headerFill, take);
    int before = headerFill;
    headerFill += take;
    WebSocketFrameHeader parsed = WebSocketFrameHeader.parse(header, 0, headerFill);
    if (parsed == null) {
      return take;
    }
    current = parsed;
    justParsed = parsed;
    headerFill = 0;
    remaining = parsed.payloadLength();
    unmaskIndex = 0;
    payload.clear();
    describe(parsed, out);
    if (remaining == 0) {
      finishFrame(out);
    }
    return parsed.headerLength() - before;
  }

  private void unmaskInto(byte[] b, int pos, int take) {
    if (!current.masked()) {
      payload.append(b, pos, take);
      unmaskIndex += take;
      return;
    }
    byte[] key = current.maskKey();
    byte[] plain = new byte[take];
    for (int i = 0; i < take; i++) {
      plain[i] = (byte) (b[pos + i] ^ key[(int) ((unmaskIndex + i) & 3)]);
    }
    unmaskIndex += take;
    payload.append(plain, 0, take);
  }

  private void finishFrame(AppFindings out) {
    WebSocketFrameHeader done = current;
    current = null;
    String violation = done.violation();
    if (violation != null) {
      out.malformed(violation);
      return;
    }
    try {
      assembler.onFrame(done, payload.toArray(), out);
    } catch (MalformedFrameException e) {
      // The frame's content broke a rule, its framing did not: the next frame starts right after
      // it.
      out.malformed(e.getMessage());
    }
  }

  private static void reportPerPacketFields(WebSocketFrameHeader h, AppFindings out) {
    out.fieldOnce("ws.fin", h.fin());
    out.fieldOnce("ws.opcode", h.opcode());
    out.fieldOnce("ws.masked", h.masked());
    out.fieldOnce("ws.payload_len", h.payloadLength());
  }

  private static void describe(WebSocketFrameHeader h, AppFindings out) {
    out.detail(
        "WebSocket",
        "FIN",
        h.fin() ? 1 : 0,
        h.fin() ? "final frame of the message" : "more fragments follow");
    if (h.rsv() != 0) {
      out.detail("WebSocket", "RSV1-3", h.rsv(), "set only by a negotiated extension");
    }
    out.detail("WebSocket", "Opcode", h.opcode(), WebSocketOpcode.name(h.opcode()));
    out.detail(
        "WebSocket",
        "MASK",
        h.masked() ? 1 : 0,
        h.masked() ? "client to server: payload XOR-masked" : "not masked");
    out.detail(
        "WebSocket", "Payload length", h.payloadLength(), h.lengthBits() + "-bit length form");
    if (h.masked()) {
      out.detail(
          "WebSocket",
          "Masking key",
          String.format(
              "%02x%02x%02x%02x", h.maskKey()[0], h.maskKey()[1], h.maskKey()[2], h.maskKey()[3]),
          "payload byte i is XORed with key byte i mod 4");
    }
  }

  private void resync() {
    resyncing = true;
    current = null;
    headerFill = 0;
    payload.clear();
    assembler.reset();
  }
}
