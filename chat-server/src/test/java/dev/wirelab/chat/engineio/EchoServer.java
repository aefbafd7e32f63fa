package dev.wirelab.chat.engineio;

import dev.wirelab.chat.http.WebServer;

/** A real web server on 127.0.0.1 with a recording echo endpoint on {@code /engine.io/}. */
final class EchoServer implements AutoCloseable {
  final RecordingListener listener = new RecordingListener();
  final EngineIoServer engine;
  final WebServer web;

  EchoServer(EngineIoOptions options) {
    engine = new EngineIoServer(options, listener);
    web = WebServer.builder().host("127.0.0.1").port(0).engineIo("/engine.io/", engine).start();
  }

  int port() {
    return web.port();
  }

  @Override
  public void close() {
    web.close();
  }
}
