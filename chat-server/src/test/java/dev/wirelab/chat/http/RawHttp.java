package dev.wirelab.chat.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bare HTTP/1.1 client on a plain socket, so tests see exactly what the server sends. Several
 * requests can be pipelined on one connection, which fixes the order the server sees them in.
 */
public final class RawHttp {
  private static final int TIMEOUT_MILLIS = 10_000;

  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** One request: method, target, extra header lines and an optional body. */
  public record Request(String method, String target, String body, String... headerLines) {
    public static Request get(String target, String... headerLines) {
      return new Request("GET", target, null, headerLines);
    }

    public static Request post(String target, String body, String... headerLines) {
      return new Request("POST", target, body, headerLines);
    }

    public byte[] bytes(int port, boolean last) {
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head =
          new StringBuilder()
              .append(method)
              .append(' ')
              .append(target)
              .append(" HTTP/1.1\r\n")
              .append("Host: 127.0.0.1:")
              .append(port)
              .append("\r\n");
      if (last) {
        head.append("Connection: close\r\n");
      }
      for (String line : headerLines) {
        head.append(line).append("\r\n");
      }
      if (body != null) {
        head.append("Content-Length: ").append(content.length).append("\r\n");
      }
      head.append("\r\n");
      byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
      byte[] all = Arrays.copyOf(headBytes, headBytes.length + content.length);
      System.arraycopy(content, 0, all, headBytes.length, content.length);
      return all;
    }
  }

  private RawHttp() {}

  public static Response get(int port, String target, String... headerLines) throws IOException {
    return send(port, Request.get(target, headerLines)).get(0);
  }

  public static Response post(int port, String target, String body, String... headerLines)
      throws IOException {
    return send(port, Request.post(target, body, headerLines)).get(0);
  }

  /** Sends the requests back to back on one connection and reads every response. */
  public static List<Response> send(int port, Request... requests) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      for (int i = 0; i < requests.length; i++) {
        out.write(requests[i].bytes(port, i == requests.length - 1));
      }
      out.flush();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(received);
      return parseAll(received.toByteArray());
    }
  }

  private static List<Response> parseAll(byte[] raw) throws IOException {
    List<Response> responses = new ArrayList<>();
    int offset = 0;
    while (offset < raw.length) {
      String rest = new String(raw, offset, raw.length - offset, StandardCharsets.ISO_8859_1);
      int headerEnd = rest.indexOf("\r\n\r\n");
      if (headerEnd < 0) {
        throw new IOException("incomplete HTTP response: " + rest);
      }
      String[] lines = rest.substring(0, headerEnd).split("\r\n");
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
      int bodyStart = offset + headerEnd + 4;
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      String body = new String(raw, bodyStart, length, StandardCharsets.UTF_8);
      responses.add(new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, body));
      offset = bodyStart + length;
    }
    return responses;
  }
}
