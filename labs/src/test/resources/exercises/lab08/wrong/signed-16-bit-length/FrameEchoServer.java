import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Exercise 08, a model solution: a WebSocket echo server that reads and writes the frames of
 * RFC 6455 (section 5) by hand.
 */
public class FrameEchoServer {
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;
  /** Close codes (RFC 6455, section 7.4.1): normal closure, and "you broke the protocol". */
  static final int NORMAL = 1000;
  static final int PROTOCOL_ERROR = 1002;

  /** One frame as it came off the wire, its payload already unmasked. */
  record Frame(boolean fin, int opcode, boolean masked, byte[] payload) {}

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 9008;
    try (ServerSocket listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      System.out.println("listening on " + listener.getLocalSocketAddress());
      while (true) {
        Socket connection = listener.accept();
        new Thread(() -> serve(connection)).start();
      }
    }
  }

  static void serve(Socket connection) {
    try (connection) {
      DataInputStream in = new DataInputStream(new BufferedInputStream(connection.getInputStream()));
      OutputStream out = connection.getOutputStream();
      if (!Handshake.accept(in, out)) {
        return;
      }
      while (true) {
        Frame frame = read(in);
        if (!frame.masked()) {
          // A client must mask every frame (section 5.1): a server fails the connection.
          write(out, CLOSE, closePayload(PROTOCOL_ERROR, "client frames must be masked"));
          return;
        }
        switch (frame.opcode()) {
          case TEXT, BINARY -> write(out, frame.opcode(), frame.payload());
          case PING -> write(out, PONG, frame.payload());
          case CLOSE -> {
            write(out, CLOSE, frame.payload());
            return;
          }
          default -> { } // a pong, or a continuation: nothing to answer
        }
      }
    } catch (EOFException e) {
      System.out.println("the client hung up");
    } catch (IOException e) {
      System.out.println("connection failed: " + e.getMessage());
    }
  }

  /** Reads one frame: two header bytes, the extended length, the masking key, the payload. */
  static Frame read(DataInputStream in) throws IOException {
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    boolean fin = (first & 0x80) != 0;
    int opcode = first & 0x0F;
    boolean masked = (second & 0x80) != 0;
    long length = second & 0x7F;
    if (length == 126) {
      length = in.readShort(); // 16 bits, big-endian
    } else if (length == 127) {
      length = in.readLong(); // 64 bits, big-endian
    }
    if (length < 0 || length > 16 * 1024 * 1024) {
      throw new IOException("a frame of " + length + " bytes is more than this server accepts");
    }
    byte[] key = new byte[4];
    if (masked) {
      in.readFully(key);
    }
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    if (masked) {
      for (int i = 0; i < payload.length; i++) {
        payload[i] = (byte) (payload[i] ^ key[i % 4]);
      }
    }
    return new Frame(fin, opcode, masked, payload);
  }

  /** Writes one final, unmasked frame (a server never masks) with the shortest length form. */
  static void write(OutputStream out, int opcode, byte[] payload) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x80 | opcode);
    if (payload.length <= 125) {
      frame.write(payload.length);
    } else if (payload.length <= 0xFFFF) {
      frame.write(126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xFF);
    } else {
      frame.write(127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) ((long) payload.length >>> shift) & 0xFF);
      }
    }
    frame.write(payload);
    out.write(frame.toByteArray());
    out.flush();
  }

  /** A close frame's payload: the status code in two bytes, then the reason in UTF-8. */
  static byte[] closePayload(int code, String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[2 + text.length];
    payload[0] = (byte) (code >>> 8);
    payload[1] = (byte) code;
    System.arraycopy(text, 0, payload, 2, text.length);
    return payload;
  }
}
