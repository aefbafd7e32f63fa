package dev.wirelab.inspector.app.http;

import dev.wirelab.inspector.app.BoundedBytes;
import dev.wirelab.inspector.decode.MalformedFrameException;

/**
 * Undoes {@code Transfer-Encoding: chunked}: size lines in hex, data, CRLF, until a 0-size chunk
 * and trailers.
 */
final class ChunkedBodyDecoder {
  private static final int MAX_LINE = 4096;

  private enum State {
    SIZE,
    DATA,
    DATA_END,
    TRAILER,
    DONE
  }

  private final StringBuilder line = new StringBuilder();
  private State state = State.SIZE;
  private long remaining;

  boolean isDone() {
    return state == State.DONE;
  }

  /**
   * Consumes body bytes into {@code body}; returns how many, fewer than {@code len} only once done.
   */
  int consume(byte[] b, int off, int len, BoundedBytes body) {
    int pos = off;
    int end = off + len;
    while (pos < end && state != State.DONE) {
      if (state == State.DATA) {
        int take = (int) Math.min(remaining, end - pos);
        body.append(b, pos, take);
        pos += take;
        remaining -= take;
        if (remaining == 0) {
          state = State.DATA_END;
        }
        continue;
      }
      byte c = b[pos++];
      if (c != '\n') {
        if (c != '\r') {
          line.append((char) (c & 0xFF));
        }
        if (line.length() > MAX_LINE) {
          throw new MalformedFrameException("chunked body line longer than " + MAX_LINE + " bytes");
        }
        continue;
      }
      endOfLine();
    }
    return pos - off;
  }

  private void endOfLine() {
    String text = line.toString().trim();
    line.setLength(0);
    switch (state) {
      case SIZE -> {
        remaining = chunkSize(text);
        state = remaining == 0 ? State.TRAILER : State.DATA;
      }
      case DATA_END -> {
        if (!text.isEmpty()) {
          throw new MalformedFrameException("chunk data longer than its size line said");
        }
        state = State.SIZE;
      }
      case TRAILER -> {
        if (text.isEmpty()) {
          state = State.DONE;
        }
      }
      default -> throw new IllegalStateException("no line expected in state " + state);
    }
  }

  private static long chunkSize(String text) {
    int semicolon = text.indexOf(';');
    String hex = (semicolon >= 0 ? text.substring(0, semicolon) : text).trim();
    if (hex.isEmpty()
        || hex.length() > 15
        || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
      String shown = hex.length() > 20 ? hex.substring(0, 20) + "…" : hex;
      throw new MalformedFrameException("chunk size is not hexadecimal: \"" + shown + "\"");
    }
    return Long.parseLong(hex, 16);
  }
}
