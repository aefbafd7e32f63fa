package dev.wirelab.exercises;

import dev.wirelab.exercises.lab01.EchoServerExercise;
import dev.wirelab.exercises.lab02.FramedPeerExercise;
import dev.wirelab.exercises.lab03.PingerExercise;
import dev.wirelab.exercises.lab04.UdpPacketExercise;
import dev.wirelab.exercises.lab05.HandshakeExercise;
import dev.wirelab.exercises.lab06.WebServerExercise;
import dev.wirelab.exercises.lab13.WindowSenderExercise;
import dev.wirelab.exercises.lab14.DnsClientExercise;
import dev.wirelab.exercises.lab15.EventLoopExercise;
import java.util.List;
import java.util.Optional;

/** The one place where exercises are registered; {@code ./wirelab exercise list} prints it. */
public final class ExerciseCatalog {
  private ExerciseCatalog() {}

  public static final List<Exercise> EXERCISES = List.of(
      EchoServerExercise.create(),
      FramedPeerExercise.create(),
      PingerExercise.create(),
      UdpPacketExercise.create(),
      HandshakeExercise.create(),
      WebServerExercise.create(),
      WindowSenderExercise.create(),
      DnsClientExercise.create(),
      EventLoopExercise.create()
  );

  /** The exercise that follows lab {@code number} ("3" or "03"). */
  public static Optional<Exercise> find(String number) {
    String wanted = number.length() == 1 ? "0" + number : number;
    return EXERCISES.stream().filter(e -> e.number().equals(wanted)).findFirst();
  }
}
