package dev.wirelab.exercises;

import dev.wirelab.exercises.ex11.JavaChatPeers;
import dev.wirelab.exercises.ex11.RoomChecks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Exercise11Test {
  private static final String FILE = "ChatHandlers.java";
  private final ExerciseProof proof =
      new ExerciseProof("11", "ChatServer", pid -> RoomChecks.all(JavaChatPeers::new));

  @Test
  void theReferencePassesEveryRequirement(@TempDir Path dir) throws IOException {
    proof.referencePassesAll(dir);
  }

  @Test
  void theUntouchedSkeletonCompilesAndFailsEveryRequirement(@TempDir Path dir) throws IOException {
    proof.skeletonFailsAll(dir);
  }

  @Test
  void emittingToTheRoomWithTheSenderFailsOnlyNotSender(@TempDir Path dir) throws IOException {
    proof.wrongFailsOnly(dir, "not-sender", FILE, Map.of("      socket.to(room).emit(", "      io.to(room).emit(",
        "  static void welcome(Socket socket) {", "  static void welcome(SocketIoServer io, Socket socket) {",
        "io.onConnection(ChatHandlers::welcome);", "io.onConnection(socket -> welcome(io, socket));"));
  }

  @Test
  void broadcastingToEveryoneFailsOnlyRoom(@TempDir Path dir) throws IOException {
    proof.wrongFailsOnly(dir, "room", FILE, Map.of("socket.to(room).emit(", "socket.broadcast().emit("));
  }

  @Test
  void forgettingTheAckFailsOnlyAck(@TempDir Path dir) throws IOException {
    proof.wrongFailsOnly(dir, "ack", FILE, Map.of("      ack.send(\"ok\");\n", ""));
  }
}
