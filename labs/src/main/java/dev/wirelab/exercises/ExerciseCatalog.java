package dev.wirelab.exercises;

import dev.wirelab.exercises.lab01.EchoServerExercise;
import dev.wirelab.exercises.lab02.FramedPeerExercise;
import dev.wirelab.exercises.lab03.PingerExercise;
import dev.wirelab.exercises.lab04.UdpPacketExercise;
import dev.wirelab.exercises.lab05.HandshakeExercise;
import dev.wirelab.exercises.lab06.WebServerExercise;
import dev.wirelab.exercises.lab07.WebSocketHandshakeExercise;
import dev.wirelab.exercises.lab08.FrameExercise;
import dev.wirelab.exercises.lab09.LongPollExercise;
import dev.wirelab.exercises.lab10.LineServerExercise;
import dev.wirelab.exercises.lab11.RoomsExercise;
import dev.wirelab.exercises.lab12.OutboxExercise;
import dev.wirelab.exercises.lab13.WindowSenderExercise;
import dev.wirelab.exercises.lab14.DnsClientExercise;
import dev.wirelab.exercises.lab15.EventLoopExercise;
import java.util.List;
import java.util.Optional;

/** The one place where exercises are registered; {@code ./wirelab exercise list} prints it. */
public final class ExerciseCatalog {
  private ExerciseCatalog() {}

  public static final List<Exercise> EXERCISES =
      List.of(
          EchoServerExercise.create(),
          FramedPeerExercise.create(),
          PingerExercise.create(),
          UdpPacketExercise.create(),
          HandshakeExercise.create(),
          WebServerExercise.create(),
          WebSocketHandshakeExercise.create(),
          FrameExercise.create(),
          LongPollExercise.create(),
          LineServerExercise.create(),
          RoomsExercise.create(),
          OutboxExercise.create(),
          WindowSenderExercise.create(),
          DnsClientExercise.create(),
          EventLoopExercise.create());

  /** The exercise that follows lab {@code number} ("3" or "03"). */
  public static Optional<Exercise> find(String number) {
    String wanted = number.length() == 1 ? "0" + number : number;
    return EXERCISES.stream().filter(e -> e.number().equals(wanted)).findFirst();
  }
}
