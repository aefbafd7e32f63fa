package dev.wirelab.chat.cli;

import dev.wirelab.chat.classroom.ChatSettings;
import dev.wirelab.chat.classroom.ClassroomChat;
import dev.wirelab.chat.classroom.startup.StartupBanner;
import dev.wirelab.chat.classroom.startup.TeacherToken;
import dev.wirelab.chat.fixture.FixtureCommand;
import dev.wirelab.common.net.LanAddresses;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./wirelab chat}: the classroom chat; open the printed URL in a browser and talk. */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description = {
      "Start the classroom chat: a web page and Socket.IO on one port, history in SQLite.",
      "Students open the printed URL (or scan the QR code); the teacher link opens the teacher view."
    })
public final class ChatCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = "0.0.0.0",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "3000",
      description = "TCP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--db",
      paramLabel = "FILE",
      description = "SQLite history file (default: ~/.wirelab/chat.db).")
  Path database;

  @Option(
      names = "--db-max-mb",
      paramLabel = "MB",
      description =
          "Refuse new messages once the history reaches this size (default: only the disk limits it).")
  Long maxHistoryMegabytes;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "Teacher token (default: a fresh random one).")
  String token;

  @Option(
      names = "--allow-origin",
      paramLabel = "ORIGIN",
      description =
          "Also accept browsers from this origin, e.g. http://localhost:5173; * for any. Repeatable.")
  List<String> allowedOrigins = List.of();

  @Option(
      names = "--fixture",
      description =
          "Run the Socket.IO protocol test fixture instead of the chat (for the official test suites).")
  boolean fixture;

  @Option(
      names = "--redis",
      paramLabel = "URL",
      description = "With --fixture: join the Socket.IO cluster on this Redis (redis://HOST:PORT).")
  String redis;

  @Option(
      names = "--adapter",
      paramLabel = "KIND",
      description =
          "With --redis: the cluster protocol, pubsub (@socket.io/redis-adapter 8) or streams"
              + " (@socket.io/redis-streams-adapter 0.3).")
  String adapter;

  @Option(
      names = "--node-tag",
      paramLabel = "TAG",
      description =
          "With --fixture: the 4 characters every session id of this node starts with, for"
              + " ./wirelab lb (default: random).")
  String nodeTag;

  @Override
  public Integer call() throws InterruptedException {
    if (fixture) {
      return FixtureCommand.on(host, port, redis, adapter, nodeTag).call();
    }
    ChatSettings settings =
        new ChatSettings(
            host,
            port,
            database == null ? ChatSettings.defaultDatabase() : database,
            maxHistoryMegabytes == null ? Long.MAX_VALUE : maxHistoryMegabytes * 1024 * 1024,
            token == null ? TeacherToken.generate() : token,
            Set.copyOf(allowedOrigins));
    PrintWriter out = spec.commandLine().getOut();
    ClassroomChat chat = ClassroomChat.start(settings);
    StartupBanner.print(
        out,
        host,
        chat.port(),
        LanAddresses.find(),
        settings.teacherToken(),
        settings.database().toAbsolutePath());
    awaitCtrlC(out, chat);
    return 0;
  }

  /** Ctrl-C runs the shutdown hooks: pages are told, pending writes finish, the file is closed. */
  private static void awaitCtrlC(PrintWriter out, ClassroomChat chat) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("Stopping: closing connections and the history file...");
                  out.flush();
                  chat.close();
                  out.println("Stopped; the history is kept for next time.");
                  out.flush();
                  stopped.countDown();
                },
                "chat-shutdown"));
    stopped.await();
  }
}
