package dev.wirelab.labs.lab13;

import dev.wirelab.labs.lab13.Fate.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Counts what the link did, and tells each mishap as it happens. */
public final class LinkTally implements LossyLink.LinkObserver {
  private final Consumer<String> narration;
  private int datagrams;
  private int lost;
  private int duplicated;
  private int reordered;
  private int corrupted;

  public LinkTally(Consumer<String> narration) {
    this.narration = narration;
  }

  @Override
  public synchronized void onDatagram(Direction direction, byte[] datagram, Fate fate) {
    datagrams++;
    List<String> done = new ArrayList<>();
    if (fate.lost()) {
      lost++;
      done.add("lost");
    } else {
      if (fate.corrupted()) {
        corrupted++;
        done.add("corrupted (bit " + fate.flipBit() + " flipped)");
      }
      if (fate.reordered()) {
        reordered++;
        done.add("held back, so later ones overtake it");
      }
      if (fate.duplicated()) {
        duplicated++;
        done.add("duplicated");
      }
    }
    if (!done.isEmpty()) {
      String what =
          Segment.decode(datagram, datagram.length)
              .map(Segment::toString)
              .orElse(datagram.length + " bytes");
      narration.accept(what + ": " + String.join(", ", done));
    }
  }

  @Override
  public synchronized String toString() {
    return String.format(
        Locale.ROOT,
        "%d datagrams: %d lost, %d duplicated, %d reordered, " + "%d corrupted",
        datagrams,
        lost,
        duplicated,
        reordered,
        corrupted);
  }
}
