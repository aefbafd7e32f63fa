package dev.wirelab.labs.lab13;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One transfer through the lossy link on loopback: a receiver, the link in front of it, and a
 * sender that only knows the link's address. Everything it opens is closed when it returns.
 */
public final class LinkExperiment {
  /** Once the sender has its last ACK, the receiver has the FIN: this wait is only a bound. */
  private static final long DELIVERY_LIMIT_MILLIS = 5_000;

  private final LinkConditions conditions;
  private final int receiverWindow;
  private final List<LossyLink.LinkObserver> observers = new ArrayList<>();
  private Consumer<String> receiverNarration = line -> {};

  public LinkExperiment(LinkConditions conditions, int receiverWindow) {
    this.conditions = conditions;
    this.receiverWindow = receiverWindow;
  }

  public LinkExperiment watchedBy(LossyLink.LinkObserver observer) {
    observers.add(observer);
    return this;
  }

  public LinkExperiment receiverTells(Consumer<String> narration) {
    this.receiverNarration = narration;
    return this;
  }

  /** What a run gave: the sender's account, and whether every byte arrived once, in order. */
  public record Outcome(Transfer transfer, boolean intact, int senderPort, int receiverPort) {}

  public Outcome run(ReliableSender sender, byte[] data, int segmentBytes) throws Exception {
    try (DatagramSocket receiverSocket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        Receiver receiver =
            Receiver.start(receiverSocket, receiverWindow, 0, receiverNarration, bytes -> {});
        LossyLink link =
            LossyLink.start("127.0.0.1", 0, receiver.address(), conditions, observers);
        DatagramSocket senderSocket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      Transfer transfer = sender.send(data, segmentBytes, senderSocket, link.address());
      byte[] delivered = receiver.awaitFirst(DELIVERY_LIMIT_MILLIS);
      return new Outcome(
          transfer, Arrays.equals(delivered, data), senderSocket.getLocalPort(), link.port());
    }
  }
}
