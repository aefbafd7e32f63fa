package dev.wirelab.inspector.app;

import dev.wirelab.inspector.app.engineio.EngineIoPacket;
import dev.wirelab.inspector.app.engineio.EngineIoPacketType;
import dev.wirelab.inspector.app.engineio.EngineIoParser;
import dev.wirelab.inspector.app.engineio.EngineIoReporter;
import dev.wirelab.inspector.app.socketio.SocketIoBinaryAssembler;
import dev.wirelab.inspector.app.socketio.SocketIoPacket;
import dev.wirelab.inspector.app.socketio.SocketIoParser;
import dev.wirelab.inspector.app.socketio.SocketIoReporter;
import dev.wirelab.inspector.app.websocket.WebSocketListener;
import dev.wirelab.inspector.app.websocket.WebSocketOpcode;
import dev.wirelab.inspector.app.websocket.WebSocketReporter;
import java.util.List;

/**
 * The Engine.IO / Socket.IO view of one connection: Engine.IO packets from polling bodies or
 * WebSocket messages, the Socket.IO packets inside, and binary attachments matched per direction.
 */
final class EngineIoConversation {
  static final String POLLING = "polling";
  static final String WEBSOCKET = "websocket";

  private final SocketIoBinaryAssembler[] attachments = {new SocketIoBinaryAssembler(), new SocketIoBinaryAssembler()};

  /** Whether a request URI belongs to Engine.IO: the default {@code /socket.io/} path or an {@code EIO=} query. */
  static boolean isEngineIo(String uri) {
    return uri != null && (uri.contains("/socket.io/") || uri.contains("?EIO=") || uri.contains("&EIO="));
  }

  void onPollingPayload(int direction, byte[] body, AppFindings out) {
    try {
      List<EngineIoPacket> packets = EngineIoParser.parsePayload(body);
      if (packets.size() > 1) {
        out.fieldOnce("eio.count", packets.size());
      }
      packets.forEach(p -> onPacket(direction, p, POLLING, out));
    } catch (MalformedPayloadException e) {
      out.malformed(e.getMessage());
    }
  }

  /** The listener for one direction once the connection upgraded to WebSocket. */
  WebSocketListener webSocket(int direction) {
    return new WebSocketListener() {
      @Override
      public void onMessage(int opcode, byte[] payload, long total, int fragments, AppFindings out) {
        try {
          EngineIoPacket packet = opcode == WebSocketOpcode.TEXT
              ? EngineIoParser.parseText(WebSocketReporter.utf8(payload)) : EngineIoParser.binaryMessage(payload);
          onPacket(direction, packet, WEBSOCKET, out);
        } catch (MalformedPayloadException e) {
          out.malformed(e.getMessage());
        }
      }

      @Override
      public void onControl(int opcode, byte[] payload, AppFindings out) {
        out.meaning(WebSocketReporter.control(opcode, payload));
      }
    };
  }

  private void onPacket(int direction, EngineIoPacket packet, String transport, AppFindings out) {
    EngineIoReporter.report(packet, transport, out);
    if (packet.type() != EngineIoPacketType.MESSAGE) {
      out.meaning(EngineIoReporter.meaning(packet));
      return;
    }
    SocketIoBinaryAssembler assembler = attachments[direction];
    if (packet.isBinary()) {
      onBinary(assembler, packet, out);
    } else if (packet.text().isEmpty() || !Character.isDigit(packet.text().charAt(0))) {
      out.meaning(EngineIoReporter.meaning(packet));
    } else {
      onSocketIo(assembler, packet.text(), out);
    }
  }

  private static void onBinary(SocketIoBinaryAssembler assembler, EngineIoPacket packet, AppFindings out) {
    if (!assembler.waiting()) {
      out.meaning(EngineIoReporter.meaning(packet));
      return;
    }
    SocketIoPacket done = assembler.attach(packet.binary());
    if (done == null) {
      out.meaning("SIO attachment " + assembler.received() + " (" + packet.binary().length + " bytes)");
    } else {
      SocketIoReporter.report(done, out);
    }
  }

  private static void onSocketIo(SocketIoBinaryAssembler assembler, String text, AppFindings out) {
    if (assembler.waiting()) {
      out.malformed("Socket.IO packet arrived while " + assembler.received() + " attachments were still missing");
    }
    SocketIoPacket packet = SocketIoParser.parse(text);
    SocketIoPacket ready = assembler.start(packet);
    SocketIoReporter.report(packet, out);
    if (ready == null) {
      out.note("waiting for " + packet.attachments() + " binary attachment(s)");
    }
  }
}
