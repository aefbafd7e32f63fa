package dev.wirelab.labs.lab04;

import dev.wirelab.common.cli.UserError;
import dev.wirelab.labs.support.LabMode;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.Narrator;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TransportPacket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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
        "Demo only: the frames are built in memory and written to --out, never sent."},
    mixinStandardHelpOptions = true)
public final class Lab04BuildAFrame implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", defaultValue = "demo",
      description = "demo (the only mode of this lab; default: ${DEFAULT-VALUE})")
  LabMode mode;

  @Option(names = "--message", defaultValue = "Hello from the application layer!",
      description = "the application data to wrap (default: ${DEFAULT-VALUE})")
  String message;

  @Option(names = "--out", defaultValue = "lab04.pcap",
      description = "the .pcap file to write, relative to the current directory (default: ${DEFAULT-VALUE})")
  Path out;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    LabRunner.main(new Lab04BuildAFrame(), args);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    console.printf("lab 04 Build a frame: mode=%s message=\"%s\" out=%s%n",
        mode, message, out.toAbsolutePath());
    if (mode != LabMode.demo) {
      throw new UserError("lab 04 has only a demo mode: it builds frames in memory and writes "
          + "them to a file, it does not send them (try: ./wirelab lab 04 demo)");
    }
    byte[] applicationData = message.getBytes(StandardCharsets.UTF_8);
    Narrator narrator = new Narrator(console, "lab 04");
    FrameReport report = new FrameReport(console);

    EthernetPacket udpFrame = FrameBuilder.udp(applicationData);
    EthernetPacket tcpFrame = FrameBuilder.tcp(applicationData);
    for (EthernetPacket frame : List.of(udpFrame, tcpFrame)) {
      FrameLayers layers = FrameLayers.of(frame);
      narrator.heading(layers.transport().protocol() + ": \"" + message + "\" wrapped in "
          + layers.transport().protocol() + ", IPv4 and Ethernet II: " + layers.frame().length + " bytes");
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
    return 0;
  }

  private static String summary(EthernetPacket frame) {
    IpV4Packet ip = frame.get(IpV4Packet.class);
    TransportPacket transport = (TransportPacket) ip.getPayload();
    Packet data = transport.getPayload();
    String text = data == null ? "" : new String(data.getRawData(), StandardCharsets.UTF_8);
    return String.format("%d bytes, Ethernet %s -> %s, IPv4 %s -> %s, %s %s -> %s, data \"%s\"",
        frame.length(), frame.getHeader().getSrcAddr(), frame.getHeader().getDstAddr(),
        ip.getHeader().getSrcAddr().getHostAddress(), ip.getHeader().getDstAddr().getHostAddress(),
        ip.getHeader().getProtocol().name(), transport.getHeader().getSrcPort().valueAsInt(),
        transport.getHeader().getDstPort().valueAsInt(), text);
  }
}
