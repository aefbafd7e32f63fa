package dev.wirelab.exercises.lab04;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.Unmet;
import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.sandbox.StudentCode;
import dev.wirelab.exercises.sandbox.StudentProcess;
import dev.wirelab.inspector.decode.FrameDecoder;
import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.labs.lab04.InternetChecksum;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Exercise 04: {@code UdpPacket.build(source, destination, sourcePort, destinationPort, payload)}
 * returns an IPv4 packet carrying a UDP datagram, both checksums right. The packet is decoded by
 * the packet inspector (tshark agrees on the reference, in the tests).
 */
public final class UdpPacketExercise {
  static final String STUDENT_CLASS = "UdpPacket";

  /** LINKTYPE_IPV4: the packet starts with its IPv4 header, no Ethernet. */
  private static final int LINKTYPE_IPV4 = 228;

  private static final Duration RUN_BOUND = Duration.ofSeconds(15);

  private UdpPacketExercise() {}

  public static Exercise create() {
    return new Exercise(
        "04",
        "IPv4 and UDP headers by hand, both checksums",
        List.of(
            new Requirement(
                "ipv4-header",
                "the IPv4 header: version 4, 20 bytes, total length, TTL 64, protocol 17, addresses",
                UdpPacketExercise::ipv4Header),
            new Requirement(
                "ipv4-checksum",
                "the IPv4 header checksum adds up",
                UdpPacketExercise::ipv4Checksum),
            new Requirement(
                "udp-header",
                "the UDP header: ports, length, then the payload",
                UdpPacketExercise::udpHeader),
            new Requirement(
                "udp-checksum",
                "the UDP checksum adds up, pseudo-header included",
                UdpPacketExercise::udpChecksum)));
  }

  /** What the student built for one case, and the inspector's reading of it. */
  private record Built(PacketCase input, byte[] packet, DecodedFrame decoded) {
    Object field(String name) {
      return decoded.json().get(name);
    }

    List<String> frames() {
      List<String> lines = new ArrayList<>();
      lines.add(
          decoded.summary()
              + (decoded.malformed().isEmpty()
                  ? ""
                  : " [malformed: " + String.join("; ", decoded.malformed()) + "]"));
      lines.add(
          "bytes: "
              + HexFormat.ofDelimiter(" ").formatHex(packet, 0, Math.min(packet.length, 28))
              + (packet.length > 28 ? " …" : ""));
      return lines;
    }
  }

  private static List<Built> build(StudentCode code) throws Exception {
    StudentProcess probe = code.runProgram(RUN_BOUND, UdpPacketProbe.class.getName());
    if (probe.isAlive()) {
      throw new Unmet(
          Verdict.fail(
              "build to return within " + RUN_BOUND.toSeconds() + " s",
              "it was still running",
              "look for a loop that never ends in build"));
    }
    String[] lines = probe.stdout().strip().split("\n");
    if (probe.exitCode() != 0 || lines.length != PacketCase.ALL.size()) {
      throw new Unmet(
          Verdict.fail(
              "UdpPacket.build(byte[], byte[], int, int, byte[]) to run",
              "it " + probe.describeEnd(),
              "keep the class UdpPacket and build's signature"));
    }
    List<Built> built = new ArrayList<>();
    FrameDecoder decoder = FrameDecoder.withInstalledDecoders(FrameDecoder.Detail.JSON);
    for (int i = 0; i < lines.length; i++) {
      PacketCase input = PacketCase.ALL.get(i);
      if (lines[i].startsWith("error ")) {
        throw new Unmet(
            Verdict.fail(
                "a packet for " + describe(input),
                lines[i].substring("error ".length()),
                "run build by hand and read the error"));
      }
      byte[] packet = HexFormat.of().parseHex(lines[i].substring("ok".length()).strip());
      DecodedFrame decoded =
          decoder.decode(i + 1, 0, 0, packet.length, LINKTYPE_IPV4, packet.clone());
      built.add(new Built(input, packet, decoded));
    }
    return built;
  }

  private static String describe(PacketCase c) {
    return c.source()
        + ":"
        + c.sourcePort()
        + " > "
        + c.destination()
        + ":"
        + c.destinationPort()
        + " \""
        + c.payload()
        + "\"";
  }

  private static Verdict ipv4Header(StudentCode code) throws Exception {
    for (Built b : build(code)) {
      int n = b.input().payloadBytes().length;
      Map<String, Object> want =
          Map.of(
              "ip.version",
              4,
              "ip.hdr_len",
              20,
              "ip.len",
              28 + n,
              "ip.ttl",
              64,
              "ip.proto",
              17,
              "ip.src",
              b.input().source(),
              "ip.dst",
              b.input().destination());
      for (String name :
          List.of("ip.version", "ip.hdr_len", "ip.len", "ip.ttl", "ip.proto", "ip.src", "ip.dst")) {
        Object got = b.field(name);
        if (!same(got, want.get(name))) {
          return Verdict.fail(
                  name + " = " + want.get(name) + " for " + describe(b.input()),
                  "the inspector reads " + name + " = " + got,
                  "byte 0 is 0x45 (version 4, 5 words); bytes 2-3 the total length 20 + 8 +"
                      + " payload; byte 8 the TTL; byte 9 the protocol; 12-15 and 16-19 the"
                      + " addresses, all big-endian")
              .withFrames(b.frames());
        }
      }
    }
    return Verdict.pass();
  }

  private static Verdict ipv4Checksum(StudentCode code) throws Exception {
    for (Built b : build(code)) {
      byte[] header = Arrays.copyOf(b.packet(), Math.min(20, b.packet().length));
      if (header.length < 20 || !InternetChecksum.ipv4HeaderIsValid(header)) {
        byte[] zeroed = header.clone();
        if (zeroed.length >= 12) {
          zeroed[10] = 0;
          zeroed[11] = 0;
        }
        return Verdict.fail(
                String.format(
                    Locale.ROOT,
                    "header checksum 0x%04x for %s",
                    InternetChecksum.of(zeroed),
                    describe(b.input())),
                String.format(Locale.ROOT, "you wrote 0x%02x%02x", header[10], header[11]),
                "sum the 10 16-bit words of the header with the checksum field 0, fold the"
                    + " carries back in, then invert (~sum & 0xffff)")
            .withFrames(b.frames());
      }
    }
    return Verdict.pass();
  }

  private static Verdict udpHeader(StudentCode code) throws Exception {
    for (Built b : build(code)) {
      byte[] payload = b.input().payloadBytes();
      String expected =
          "ports "
              + b.input().sourcePort()
              + " > "
              + b.input().destinationPort()
              + ", length "
              + (8 + payload.length)
              + ", then the payload";
      boolean fields =
          same(b.field("udp.srcport"), b.input().sourcePort())
              && same(b.field("udp.dstport"), b.input().destinationPort())
              && same(b.field("udp.length"), 8 + payload.length);
      boolean carried =
          b.packet().length == 28 + payload.length
              && Arrays.equals(Arrays.copyOfRange(b.packet(), 28, b.packet().length), payload);
      if (!fields || !carried) {
        return Verdict.fail(
                expected,
                "the inspector reads ports "
                    + b.field("udp.srcport")
                    + " > "
                    + b.field("udp.dstport")
                    + ", length "
                    + b.field("udp.length")
                    + ", and "
                    + (b.packet().length - 28)
                    + " bytes after the UDP header",
                "the UDP header is 8 bytes after the IPv4 header: source port, destination port,"
                    + " length (8 + payload), checksum, each 2 bytes big-endian")
            .withFrames(b.frames());
      }
    }
    return Verdict.pass();
  }

  private static Verdict udpChecksum(StudentCode code) throws Exception {
    for (Built b : build(code)) {
      byte[] segment =
          Arrays.copyOfRange(b.packet(), Math.min(20, b.packet().length), b.packet().length);
      Inet4Address source = (Inet4Address) InetAddress.getByAddress(b.input().sourceBytes());
      Inet4Address destination =
          (Inet4Address) InetAddress.getByAddress(b.input().destinationBytes());
      boolean zero = segment.length >= 8 && segment[6] == 0 && segment[7] == 0;
      if (segment.length < 8
          || zero
          || !InternetChecksum.transportIsValid(source, destination, 17, segment)) {
        return Verdict.fail(
                "a UDP checksum that adds up for " + describe(b.input()),
                zero
                    ? "you left it 0 (\"no checksum\")"
                    : String.format(
                        Locale.ROOT,
                        "0x%02x%02x does not",
                        segment.length > 7 ? segment[6] : 0,
                        segment.length > 7 ? segment[7] : 0),
                "sum the pseudo-header (source, destination, 0, 17, UDP length), the UDP header"
                    + " with checksum 0 and the payload padded to an even length; invert")
            .withFrames(b.frames());
      }
    }
    return Verdict.pass();
  }

  private static boolean same(Object decoded, Object wanted) {
    return Objects.equals(String.valueOf(decoded), String.valueOf(wanted));
  }
}
