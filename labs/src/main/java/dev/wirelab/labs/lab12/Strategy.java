package dev.wirelab.labs.lab12;

import picocli.CommandLine;

/** What the server and client do about events emitted while the client is away. */
enum Strategy {
  /** Nothing: an event for a disconnected client is gone. */
  NONE("1 no queueing"),
  /** Socket.IO's connection state recovery: the server logs packets and replays the missed ones. */
  RECOVERY("2 connection state recovery"),
  /**
   * The application's own log with offsets: the client asks for everything after the last one it
   * saw.
   */
  DURABLE("3 durable offsets");

  final String title;

  Strategy(String title) {
    this.title = title;
  }

  /** The strategy named on the command line: {@code none}, {@code recovery} or {@code durable}. */
  static final class Converter implements CommandLine.ITypeConverter<Strategy> {
    @Override
    public Strategy convert(String name) {
      for (Strategy strategy : values()) {
        if (strategy.name().equalsIgnoreCase(name.trim())) {
          return strategy;
        }
      }
      throw new CommandLine.TypeConversionException(
          "'" + name + "' is not a strategy (use none, recovery or durable)");
    }
  }
}
