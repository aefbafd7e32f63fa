import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** java DnsClient PORT NAME TYPE: asks 127.0.0.1:PORT and prints the answer, one record a line. */
public class DnsClient {
  static final Map<String, Integer> TYPES =
      Map.of("A", 1, "NS", 2, "CNAME", 5, "MX", 15, "TXT", 16, "AAAA", 28);

  /** A message we refuse to read. */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message);
    }
  }

  record Name(String text, int end) {}

  record Answer(boolean truncated, int rcode, List<String[]> records) {}

  public static void main(String[] args) throws IOException {
    InetSocketAddress server = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]));
    String name = args[1];
    int type = TYPES.get(args[2]);
    try {
      for (int hops = 0; hops < 8; hops++) {
        Answer answer = ask(server, name, type);
        if (answer.rcode() == 3) {
          System.out.println("NXDOMAIN");
          return;
        }
        String alias = null;
        boolean found = false;
        for (String[] record : answer.records()) {
          if (record[0].equals(args[2])) {
            System.out.println(record[0] + " " + record[1]);
            found = true;
          } else if (record[0].equals("CNAME")) {
            alias = record[1];
          }
        }
        if (found || alias == null) {
          return;
        }
        name = alias;
      }
      System.err.println("error: too many CNAMEs");
      System.exit(1);
    } catch (Malformed e) {
      System.err.println("error: malformed answer: " + e.getMessage());
      System.exit(1);
    }
  }

  static Answer ask(InetSocketAddress server, String name, int type)
      throws IOException, Malformed {
    byte[] query = query(0x1234, name, type);
    byte[] reply;
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout(2000);
      socket.send(new DatagramPacket(query, query.length, server));
      byte[] buffer = new byte[512];
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      socket.receive(packet);
      reply = Arrays.copyOf(buffer, packet.getLength());
    }
    Answer answer = parse(reply);
    if (!answer.truncated()) {
      return answer;
    }
    try (Socket socket = new Socket()) {
      socket.connect(server, 2000);
      socket.setSoTimeout(2000);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeShort(query.length);
      out.write(query);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte[] whole = new byte[in.readUnsignedShort()];
      in.readFully(whole);
      return parse(whole);
    }
  }

  static byte[] query(int id, String name, int type) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) (id >> 8), (byte) id, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0});
    for (String label : name.split("\\.")) {
      out.write(label.length());
      out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
    }
    out.write(0);
    out.writeBytes(new byte[] {(byte) (type >> 8), (byte) type, 0, 1});
    return out.toByteArray();
  }

  static Answer parse(byte[] m) throws Malformed {
    need(m, 0, 12);
    int flags = u16(m, 2);
    int questions = u16(m, 4);
    int count = u16(m, 6);
    int at = 12;
    for (int q = 0; q < questions; q++) {
      at = name(m, at).end() + 4;
    }
    List<String[]> records = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      Name owner = name(m, at);
      need(m, owner.end(), 10);
      int type = u16(m, owner.end());
      int length = u16(m, owner.end() + 8);
      int data = owner.end() + 10;
      need(m, data, length);
      String text = switch (type) {
        case 1, 28 -> address(m, data, length);
        case 2, 5 -> name(m, data).text();
        case 15 -> u16(m, data) + " " + name(m, data + 2).text();
        case 16 -> txt(m, data, length);
        default -> null;
      };
      for (Map.Entry<String, Integer> known : TYPES.entrySet()) {
        if (known.getValue() == type && text != null) {
          records.add(new String[] {known.getKey(), text});
        }
      }
      at = data + length;
    }
    return new Answer((flags & 0x0200) != 0, flags & 0xf, records);
  }

  /** A name, following pointers; each must point before where this piece of the name began. */
  static Name name(byte[] m, int start) throws Malformed {
    StringBuilder text = new StringBuilder();
    int at = start;
    int piece = start;
    int end = -1;
    while (true) {
      need(m, at, 1);
      int length = m[at] & 0xff;
      if ((length & 0xc0) == 0xc0) {
        need(m, at, 2);
        int target = u16(m, at) & 0x3fff;
        if (target >= piece) {
          throw new Malformed("a pointer at " + at + " to " + target + " does not point back");
        }
        if (end < 0) {
          end = at + 2;
        }
        at = target;
        piece = target;
      } else if (length == 0) {
        return new Name(text.length() == 0 ? "." : text.substring(1), end < 0 ? at + 1 : end);
      } else if (length > 63) {
        throw new Malformed("label type " + length + " at " + at);
      } else {
        need(m, at + 1, length);
        text.append('.').append(new String(m, at + 1, length, StandardCharsets.US_ASCII));
        at += 1 + length;
      }
    }
  }

  static String address(byte[] m, int at, int length) throws Malformed {
    if (length != 4 && length != 16) {
      throw new Malformed("an address of " + length + " bytes");
    }
    try {
      return InetAddress.getByAddress(Arrays.copyOfRange(m, at, at + length)).getHostAddress();
    } catch (IOException e) {
      throw new Malformed(e.getMessage());
    }
  }

  static String txt(byte[] m, int at, int length) throws Malformed {
    List<String> parts = new ArrayList<>();
    for (int i = at; i < at + length; ) {
      int size = m[i] & 0xff;
      if (i + 1 + size > at + length) {
        throw new Malformed("a TXT string past its record");
      }
      parts.add("\"" + new String(m, i + 1, size, StandardCharsets.US_ASCII) + "\"");
      i += 1 + size;
    }
    return String.join(" ", parts);
  }

  static void need(byte[] m, int at, int count) throws Malformed {
    if (at + count > m.length) {
      throw new Malformed(count + " bytes at offset " + at + " run past the end (" + m.length
          + " bytes)");
    }
  }

  static int u16(byte[] m, int at) {
    return (m[at] & 0xff) << 8 | m[at + 1] & 0xff;
  }
}
