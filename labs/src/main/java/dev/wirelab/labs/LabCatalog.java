package dev.wirelab.labs;

import dev.wirelab.labs.lab01.Lab01HelloTcp;
import dev.wirelab.labs.lab02.Lab02FullDuplex;
import dev.wirelab.labs.lab03.Lab03UdpPinger;
import dev.wirelab.labs.lab04.Lab04BuildAFrame;
import dev.wirelab.labs.lab05.Lab05SeeYourHandshake;
import dev.wirelab.labs.lab06.Lab06HttpByHand;
import dev.wirelab.labs.lab07.Lab07HttpAndWebSocket;
import dev.wirelab.labs.lab08.Lab08WebSocketFrames;
import dev.wirelab.labs.lab09.Lab09PushVersusPolling;
import dev.wirelab.labs.lab10.Lab10NonBlockingNetty;
import dev.wirelab.labs.lab11.Lab11EventsAndRooms;
import dev.wirelab.labs.lab12.Lab12MissedEvents;
import dev.wirelab.labs.lab13.Lab13ReliableTransport;
import dev.wirelab.labs.lab14.Lab14DnsByHand;
import dev.wirelab.labs.lab15.Lab15SelectLoop;
import dev.wirelab.labs.lab16.Lab16ScalingOut;
import dev.wirelab.labs.support.LabInfo;
import java.util.List;
import java.util.Optional;

/** The one place where labs are registered; {@code ./wirelab lab list} prints this list. */
public final class LabCatalog {
  private LabCatalog() {}

  public static final List<LabInfo> LABS =
      List.of(
          new LabInfo("01", "hello-tcp", "Hello, TCP", Lab01HelloTcp.class, Lab01HelloTcp::new),
          new LabInfo(
              "02",
              "full-duplex",
              "Full duplex, and TCP as a byte stream",
              Lab02FullDuplex.class,
              Lab02FullDuplex::new),
          new LabInfo("03", "udp-pinger", "UDP pinger", Lab03UdpPinger.class, Lab03UdpPinger::new),
          new LabInfo(
              "04",
              "build-a-frame",
              "Build a frame, layer by layer",
              Lab04BuildAFrame.class,
              Lab04BuildAFrame::new),
          new LabInfo(
              "05",
              "see-your-handshake",
              "See your own handshake",
              Lab05SeeYourHandshake.class,
              Lab05SeeYourHandshake::new),
          new LabInfo(
              "06", "http-by-hand", "HTTP by hand", Lab06HttpByHand.class, Lab06HttpByHand::new),
          new LabInfo(
              "07",
              "http-and-websocket",
              "HTTP and WebSocket on one port",
              Lab07HttpAndWebSocket.class,
              Lab07HttpAndWebSocket::new),
          new LabInfo(
              "08",
              "websocket-frames",
              "WebSocket frames by hand",
              Lab08WebSocketFrames.class,
              Lab08WebSocketFrames::new),
          new LabInfo(
              "09",
              "push-versus-polling",
              "Push versus polling",
              Lab09PushVersusPolling.class,
              Lab09PushVersusPolling::new),
          new LabInfo(
              "10",
              "non-blocking-netty",
              "Non-blocking I/O with Netty",
              Lab10NonBlockingNetty.class,
              Lab10NonBlockingNetty::new),
          new LabInfo(
              "11",
              "events-and-rooms",
              "Events, acks, rooms and namespaces",
              Lab11EventsAndRooms.class,
              Lab11EventsAndRooms::new),
          new LabInfo(
              "12",
              "missed-events",
              "Missed events and message queueing",
              Lab12MissedEvents.class,
              Lab12MissedEvents::new),
          new LabInfo(
              "13",
              "reliable-transport",
              "Reliable transport over a lossy link",
              Lab13ReliableTransport.class,
              Lab13ReliableTransport::new),
          new LabInfo(
              "14", "dns-by-hand", "DNS by hand", Lab14DnsByHand.class, Lab14DnsByHand::new),
          new LabInfo(
              "15",
              "select-loop",
              "A select loop by hand",
              Lab15SelectLoop.class,
              Lab15SelectLoop::new),
          new LabInfo(
              "16", "scaling-out", "Scaling out", Lab16ScalingOut.class, Lab16ScalingOut::new));

  public static Optional<LabInfo> find(String number) {
    String wanted = number.length() == 1 ? "0" + number : number;
    return LABS.stream().filter(lab -> lab.number().equals(wanted)).findFirst();
  }
}
