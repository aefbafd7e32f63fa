package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * The options that follow the magic cookie (RFC 2132): code, length, value, until the End option;
 * what the summary line needs is kept.
 */
final class DhcpOptions {
  private static final int PAD = 0;
  private static final int END = 255;

  /** Option 53's code, or -1 when the message has none (plain BOOTP). */
  int messageType = -1;

  String requestedIp;

  /** Option 56: why a server refused (with a NAK) or a client declined. */
  String message;

  long leaseSeconds = -1;

  /** Option 52: whether the file and sname fields hold options too; null when they do not. */
  DhcpOverload overload;

  /**
   * Reads the options from {@code at} to {@code end}, adding one field per option; what was read
   * before a malformed option stays, for the summary.
   */
  void read(Dissection d, Layer layer, int at, int end) {
    byte[] data = d.data;
    while (at < end) {
      int code = Bytes.u8(data, at);
      if (code == PAD) {
        at++;
        continue;
      }
      if (code == END) {
        layer.add("End", "255", "no more options", at, 1);
        return;
      }
      d.need(at, 2, end, "DHCP option " + code);
      int length = Bytes.u8(data, at + 1);
      d.need(at + 2, length, end, "DHCP option " + code + " value");
      one(d, layer, code, at, length);
      at += 2 + length;
    }
  }

  private void one(Dissection d, Layer layer, int code, int at, int length) {
    byte[] data = d.data;
    int value = at + 2;
    DhcpOption option = DhcpOption.of(code);
    DhcpOption.Kind kind = option == null ? DhcpOption.Kind.BYTES : option.kind();
    String label = DhcpOption.name(code) + " (" + code + ")";
    String text;
    String meaning = "";
    Object json = null;
    switch (kind) {
      case ADDRESS -> {
        if (length != 4) {
          text = wrongLength(length, "4");
        } else {
          text = Bytes.ipv4(data, value);
          json = text;
          if (option == DhcpOption.REQUESTED_IP) {
            requestedIp = text;
          }
        }
      }
      case ADDRESSES -> {
        if (length == 0 || length % 4 != 0) {
          text = wrongLength(length, "a multiple of 4");
        } else {
          List<String> addresses = new ArrayList<>(length / 4);
          for (int i = 0; i < length; i += 4) {
            addresses.add(Bytes.ipv4(data, value + i));
          }
          text = String.join(", ", addresses);
          json = addresses;
        }
      }
      case SECONDS, SIGNED_SECONDS -> {
        if (length != 4) {
          text = wrongLength(length, "4");
        } else {
          long seconds = Bytes.u32(data, value);
          if (kind == DhcpOption.Kind.SIGNED_SECONDS) {
            seconds = (int) seconds;
          }
          text = seconds + " s";
          meaning = Durations.readable(seconds);
          json = seconds;
          if (option == DhcpOption.LEASE_TIME) {
            leaseSeconds = seconds;
          }
        }
      }
      case NUMBER16 -> {
        if (length != 2) {
          text = wrongLength(length, "2");
        } else {
          text = String.valueOf(Bytes.u16(data, value));
          json = Bytes.u16(data, value);
        }
      }
      case TEXT -> {
        text = Text.printable(data, value, length);
        json = text;
        if (option == DhcpOption.MESSAGE) {
          message = text;
        }
      }
      case MESSAGE_TYPE -> {
        if (length != 1) {
          text = wrongLength(length, "1");
        } else {
          messageType = Bytes.u8(data, value);
          DhcpMessageType type = DhcpMessageType.of(messageType);
          text = NumberedMessageType.label(type, messageType);
          meaning = NumberedMessageType.meaning(type, "RFC 2132");
          json = messageType;
        }
      }
      case OVERLOAD -> {
        if (length != 1) {
          text = wrongLength(length, "1");
        } else {
          int overloadCode = Bytes.u8(data, value);
          overload = DhcpOverload.of(overloadCode);
          text = String.valueOf(overloadCode);
          meaning = overload == null ? "not a value RFC 2132 defines" : overload.meaning();
          json = overloadCode;
        }
      }
      case OPTION_CODES -> {
        List<Integer> codes = new ArrayList<>(length);
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < length; i++) {
          int requested = Bytes.u8(data, value + i);
          codes.add(requested);
          names.append(i == 0 ? "" : ", ").append(DhcpOption.name(requested));
          names.append(" (").append(requested).append(')');
        }
        text = names.toString();
        meaning = "the options the client wants in the answer";
        json = codes;
      }
      default -> text = length == 0 ? "(empty)" : Bytes.hexWithColons(data, value, length);
    }
    layer.add(label, text, meaning, at, 2 + length);
    if (json != null && option.field() != null) {
      d.put(option.field(), json);
    }
  }

  private static String wrongLength(int length, String expected) {
    return length + " bytes (should be " + expected + ")";
  }
}
