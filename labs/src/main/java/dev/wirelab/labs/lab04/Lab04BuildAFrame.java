package dev.wirelab.labs.lab04;

import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.LabEndpoint;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.LanHint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ProjectorWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TransportPacket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lab 04, encapsulation by hand: run {@code ./wirelab lab 04 demo}, see every header byte named,
 * then open the written {@code lab04.pcap} in Wireshark or tshark.
 */
@Command(
    name = "04",
    description = {
      "Build a frame, layer by layer: app bytes -> UDP/TCP -> IPv4 -> Ethernet;",
      "annotated hex, per-layer overhead, OSI and TCP/IP models, a .pcap to open.",
      "The demo builds frames in memory and writes them to --out; client and server",
      "send the same data through a real UDP socket, headers built by the kernel."
    },
    mixinStandardHelpOptions = true)
public final class Lab04BuildAFrame implements Callable<Integer> {
  @Mixin LabEndpoint endpoint;

  @Option(
      names = "--message",
      paramLabel = "TEXT",
      defaultValue = "Hello from the application layer!",
      description = "the application data to wrap (default: ${DEFAULT-VALUE})")
  String message;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "lab04.pcap",
      description =
          "the .pcap file to write, relative to the current directory (default: ${DEFAULT-VALUE})")
  Path out;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    LabRunner.main(new Lab04BuildAFrame(), args);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter console = ProjectorWriter.out(spec);
    Narrator narrator = new Narrator(console, endpoint.mode().name());
    switch (endpoint.mode()) {
      case demo -> {
        console.printf(
            "lab 04 Build a frame: mode=demo message=\"%s\" out=%s%n",
            message, out.toAbsolutePath());
        demo(console, narrator.as("lab 04"));
      }
      case server -> {
        console.printf("lab 04 Build a frame: %s%n", endpoint);
        receive(narrator.as("server"));
      }
      case client -> {
        console.printf("lab 04 Build a frame: %s message=\"%s\"%n", endpoint, message);
        send(narrator.as("client"));
      }
    }
    return 0;
  }

  private void demo(PrintWriter console, Narrator narrator) throws Exception {
    byte[] applicationData = message.getBytes(StandardCharsets.UTF_8);
    FrameReport report = new FrameReport(console);

    EthernetPacket udpFrame = FrameBuilder.udp(applicationData);
    EthernetPacket tcpFrame = FrameBuilder.tcp(applicationData);
    for (EthernetPacket frame : List.of(udpFrame, tcpFrame)) {
      FrameLayers layers = FrameLayers.of(frame);
      narrator.heading(
          layers.transport().protocol()
              + ": \""
              + message
              + "\" wrapped in "
              + layers.transport().protocol()
              + ", IPv4 and Ethernet II: "
              + layers.frame().length
              + " bytes");
      report.annotatedHex(layers);
      narrator.heading("what each layer costs (" + layers.transport().protocol() + ")");
      report.overhead(layers);
    }

    narrator.heading("the same frame in the OSI and TCP/IP models");
    report.layerModels(FrameLayers.of(udpFrame));

    narrator.heading("written to a file, read back");
    PcapFile.write(out, List.of(udpFrame, tcpFrame));
    narrator.say("wrote 2 frames to %s", out);
    List<EthernetPacket> readBack = PcapFile.read(out);
    for (int i = 0; i < readBack.size(); i++) {
      EthernetPacket frame = readBack.get(i);
      narrator.say("frame %d: %s", i + 1, summary(frame));
      IpV4Packet ip = frame.get(IpV4Packet.class);
      narrator.say("frame %d: %s", i + 1, ChecksumCheck.of(ip));
    }
    narrator.say("open it: tshark -r %s -V   (or: wireshark %s)", out, out);
  }

  private void receive(Narrator narrator) throws IOException {
    try (UdpReceiver receiver = UdpReceiver.bind(endpoint.host(), endpoint.port(), narrator)) {
      narrator.say("try: ./wirelab lab 04 client --port %d   (Ctrl-C stops)", receiver.port());
      LanHint.say(narrator, "04", endpoint.host(), receiver.port());
      while (true) {
        receiver.receiveOne();
      }
    }
  }

  /** The real thing: the kernel builds the UDP, IPv4 and link headers the demo built by hand. */
  private void send(Narrator narrator) throws IOException {
    byte[] applicationData = message.getBytes(StandardCharsets.UTF_8);
    try (DatagramSocket socket = new DatagramSocket()) {
      // Connecting a UDP socket sends nothing; it only fixes the peer, and so our own address.
      socket.connect(
          new InetSocketAddress(InetAddress.getByName(endpoint.host()), endpoint.port()));
      socket.send(new DatagramPacket(applicationData, applicationData.length));
      narrator.say(
          "sent %d bytes %s -> %s; the kernel wrapped them in UDP and IP headers "
              + "(8 + 20 bytes over IPv4) and a link header",
          applicationData.length,
          Endpoint.of(socket.getLocalSocketAddress()),
          Endpoint.of(socket.getRemoteSocketAddress()));
      narrator.say("no handshake and no answer: UDP cannot tell whether anybody received it");
      narrator.say(
          "watch it: sudo tcpdump -i any -n -X udp port %d   (run before sending)",
          endpoint.port());
    }
  }

  private static String summary(EthernetPacket frame) {
    IpV4Packet ip = frame.get(IpV4Packet.class);
    TransportPacket transport = (TransportPacket) ip.getPayload();
    Packet data = transport.getPayload();
    String text = data == null ? "" : new String(data.getRawData(), StandardCharsets.UTF_8);
    return String.format(
        "%d bytes, Ethernet %s -> %s, IPv4 %s -> %s, %s %s -> %s, data \"%s\"",
        frame.length(),
        frame.getHeader().getSrcAddr(),
        frame.getHeader().getDstAddr(),
        ip.getHeader().getSrcAddr().getHostAddress(),
        ip.getHeader().getDstAddr().getHostAddress(),
        ip.getHeader().getProtocol().name(),
        transport.getHeader().getSrcPort().valueAsInt(),
        transport.getHeader().getDstPort().valueAsInt(),
        text);
  }
}
