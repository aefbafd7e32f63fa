package dev.wirelab.exercises.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The checker's end of one TCP connection to a student's HTTP server: it writes requests as raw
 * text and reads answers byte by byte, so that it sees exactly what the student's code sent, and
 * every read is bounded by a timeout.
 */
public final class HttpProbe implements AutoCloseable {
  /** A student's head longer than this is not waited for. */
  private static final int MAX_HEAD_BYTES = 16 * 1024;

  private static final int MAX_BODY_BYTES = 1024 * 1024;

  /** An HTTP response head as read; header names in lower case. */
  public record Head(String statusLine, Map<String, String> headers) {
    public int status() {
      String[] parts = statusLine.split(" ", 3);
      try {
        return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    public String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    /** Whether a comma-separated header lists {@code token}, ignoring case. */
    public boolean hasToken(String name, String token) {
      for (String value : header(name).split(",")) {
        if (value.trim().equalsIgnoreCase(token)) {
          return true;
        }
      }
      return false;
    }
  }

  /** A whole response: its head and the body its Content-Length announced. */
  public record Response(Head head, byte[] body) {
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private long bytesSent;
  private long bytesReceived;

  private HttpProbe(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Connects within {@code timeoutMillis}; every later read waits at most that long by default. */
  public static HttpProbe connect(String host, int port, int timeoutMillis) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      return new HttpProbe(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  public Socket socket() {
    return socket;
  }

  public InputStream in() {
    return in;
  }

  public OutputStream out() {
    return out;
  }

  public void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.UTF_8));
  }

  public void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    bytesSent += bytes.length;
  }

  /** Bytes this probe wrote and read so far, heads and bodies included. */
  public long bytesSent() {
    return bytesSent;
  }

  public long bytesReceived() {
    return bytesReceived;
  }

  /** Changes how long the next reads wait. */
  public void readTimeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  /**
   * Reads one response head up to its empty line. Throws {@link SocketTimeoutException} when
   * nothing complete came in time and {@link java.io.EOFException} when the server hung up.
   */
  public Head readHead() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int lastFour = 0;
    while (lastFour != 0x0D0A0D0A) {
      int b = in.read();
      if (b < 0) {
        throw new java.io.EOFException(
            bytes.size() == 0
                ? "the server closed the connection without answering"
                : "the server closed the connection in the middle of its answer: \""
                    + printable(bytes.toString(StandardCharsets.ISO_8859_1))
                    + "\"");
      }
      if (bytes.size() == MAX_HEAD_BYTES) {
        throw new java.net.ProtocolException(
            "an answer head longer than " + MAX_HEAD_BYTES + " bytes");
      }
      bytes.write(b);
      bytesReceived++;
      lastFour = (lastFour << 8) | b;
    }
    String[] lines = bytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    return new Head(lines[0], headers);
  }

  /** Reads a head and the body its Content-Length announces (no Content-Length: no body). */
  public Response readResponse() throws IOException {
    Head head = readHead();
    String length = head.header("Content-Length");
    int size;
    try {
      size = length.isEmpty() ? 0 : Integer.parseInt(length);
    } catch (NumberFormatException e) {
      throw new java.net.ProtocolException("Content-Length is not a number: \"" + length + "\"");
    }
    if (size < 0 || size > MAX_BODY_BYTES) {
      throw new java.net.ProtocolException("Content-Length " + size + " is out of range");
    }
    byte[] body = in.readNBytes(size);
    bytesReceived += body.length;
    if (body.length < size) {
      throw new java.io.EOFException(
          "Content-Length said " + size + " bytes, the connection ended after " + body.length);
    }
    return new Response(head, body);
  }

  /** Whether the server closed its side: the next read ends the stream within the read timeout. */
  public boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  /** Text as one line, with CR and LF made visible: for showing a student what was received. */
  public static String printable(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
