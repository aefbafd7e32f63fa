package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * NTP (RFC 5905): version, mode, stratum and the four timestamps as UTC dates, all read from the
 * packet.
 */
final class Ntp {
  private static final int HEADER = 48;

  private static final String[] TIMESTAMPS = {
    "Reference timestamp", "when the sender's clock was last set",
    "Origin timestamp", "the client's transmit time, echoed back",
    "Receive timestamp", "when the request reached the server",
    "Transmit timestamp", "when this packet left"
  };
  private static final String[] FIELDS = {"ntp.reftime", "ntp.org", "ntp.rec", "ntp.xmt"};

  private Ntp() {}

  static boolean isPort(int port) {
    return port == 123;
  }

  static void decode(Dissection d, int offset, int end) {
    byte[] data = d.data;
    Layer layer = d.layer(new Layer("NTP", 7, offset, Math.min(end, offset + HEADER)));
    d.need(offset, 1, end, "NTP header");
    int first = Bytes.u8(data, offset);
    int leap = first >> 6;
    int version = (first >> 3) & 7;
    NtpMode mode = NtpMode.of(first);
    layer
        .add("Leap indicator", String.valueOf(leap), leapMeaning(leap), offset, 1)
        .add("Version", String.valueOf(version), "", offset, 1)
        .add("Mode", mode.code() + " " + mode.label(), mode.meaning(), offset, 1);
    d.put("ntp.version", version);
    d.put("ntp.mode", mode.code());
    String text = "NTPv" + version + " " + mode.label();
    if (!mode.carriesTime()) {
      d.frame.appendSummary(text);
      return;
    }
    try {
      d.need(offset, HEADER, end, "NTP header");
      int stratum = Bytes.u8(data, offset + 1);
      d.put("ntp.stratum", stratum);
      text += ", stratum " + stratum;
      if (d.details) {
        header(layer, data, offset, stratum);
      }
      for (int i = 0; i < 4; i++) {
        int at = offset + 16 + 8 * i;
        if (NtpTimestamp.isZero(data, at)) {
          layer.add(TIMESTAMPS[2 * i], "0", "not set", at, 8);
          continue;
        }
        Instant instant = NtpTimestamp.instant(data, at);
        layer.add(TIMESTAMPS[2 * i], NtpTimestamp.text(instant), TIMESTAMPS[2 * i + 1], at, 8);
        if (d.json) {
          d.put(FIELDS[i], DateTimeFormatter.ISO_INSTANT.format(instant));
        }
        if (i == 3) {
          text += ", transmit " + NtpTimestamp.text(instant);
        }
      }
    } finally {
      d.frame.appendSummary(text);
    }
  }

  private static void header(Layer layer, byte[] data, int offset, int stratum) {
    int poll = data[offset + 2];
    int precision = data[offset + 3];
    layer
        .add("Stratum", String.valueOf(stratum), stratumMeaning(stratum), offset + 1, 1)
        .add(
            "Poll interval",
            poll + " (2^" + poll + " s)",
            "the longest wait between packets",
            offset + 2,
            1)
        .add(
            "Precision",
            precision + " (2^" + precision + " s)",
            "of the sender's clock",
            offset + 3,
            1)
        .add(
            "Root delay",
            seconds(Bytes.u32(data, offset + 4)),
            "round trip to the reference clock",
            offset + 4,
            4)
        .add(
            "Root dispersion",
            seconds(Bytes.u32(data, offset + 8)),
            "error bound against the reference clock",
            offset + 8,
            4)
        .add(
            "Reference ID",
            referenceId(data, offset + 12, stratum),
            "the sender's time source",
            offset + 12,
            4);
  }

  /** A 16.16 fixed-point number of seconds, in milliseconds. */
  private static String seconds(long fixed) {
    return String.format(java.util.Locale.ROOT, "%.3f ms", fixed * 1000.0 / 65536);
  }

  /** A kiss code or clock name ("GPS", "RATE") at stratum 0 and 1, else an upstream address. */
  private static String referenceId(byte[] data, int offset, int stratum) {
    return stratum <= 1 ? Text.printable(data, offset, 4) : Bytes.ipv4(data, offset);
  }

  private static String leapMeaning(int leap) {
    return switch (leap) {
      case 0 -> "no leap second announced";
      case 1 -> "the last minute of the day has 61 s";
      case 2 -> "the last minute of the day has 59 s";
      default -> "clock not synchronised";
    };
  }

  private static String stratumMeaning(int stratum) {
    if (stratum == 0) {
      return "unspecified (a client, or a kiss-o'-death)";
    }
    if (stratum == 1) {
      return "primary server: a reference clock (GPS, atomic) is attached";
    }
    return stratum < 16
        ? "secondary server, " + (stratum - 1) + " hops from a reference clock"
        : "unsynchronised";
  }
}
