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
import dev.wirelab.inspector.decode.MalformedFrameException;
import java.util.List;

/**
 * The Engine.IO / Socket.IO view of one Engine.IO session (one {@code sid}), which may span many
 * TCP connections: long-polling requests and the WebSocket that replaces them. Binary attachments
 * are matched per direction, client to server and server to client.
 */
final class EngineIoSession {
  static final int FROM_CLIENT = 0;
  static final int FROM_SERVER = 1;
  static final String POLLING = "polling";
  static final String WEBSOCKET = "websocket";

  private final SocketIoBinaryAssembler[] attachments = {
    new SocketIoBinaryAssembler(), new SocketIoBinaryAssembler()
  };

  /** A long-polling body: a POST's comes from the client, a GET response's from the server. */
  void onPollingPayload(int direction, byte[] body, AppFindings out) {
    try {
      List<EngineIoPacket> packets = EngineIoParser.parsePayload(body);
      if (packets.size() > 1) {
        out.fieldOnce("eio.count", packets.size());
      }
      packets.forEach(p -> onPacket(direction, p, POLLING, out));
    } catch (MalformedFrameException e) {
      out.malformed(e.getMessage());
    }
  }

  /**
   * The listener for one direction ({@link #FROM_CLIENT} or {@link #FROM_SERVER}) once upgraded to
   * WebSocket.
   */
  WebSocketListener webSocket(int direction) {
    return new WebSocketListener() {
      @Override
      public void onMessage(
          int opcode, byte[] payload, long total, int fragments, AppFindings out) {
        try {
          EngineIoPacket packet =
              opcode == WebSocketOpcode.TEXT
                  ? EngineIoParser.parseText(WebSocketReporter.utf8(payload))
                  : EngineIoParser.binaryMessage(payload);
          onPacket(direction, packet, WEBSOCKET, out);
        } catch (MalformedFrameException e) {
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

  private static void onBinary(
      SocketIoBinaryAssembler assembler, EngineIoPacket packet, AppFindings out) {
    if (!assembler.waiting()) {
      out.meaning(EngineIoReporter.meaning(packet));
      return;
    }
    SocketIoPacket done = assembler.attach(packet.binary());
    if (done == null) {
      out.meaning(
          "SIO attachment " + assembler.received() + " (" + packet.binary().length + " bytes)");
    } else {
      SocketIoReporter.report(done, out);
    }
  }

  private static void onSocketIo(SocketIoBinaryAssembler assembler, String text, AppFindings out) {
    if (assembler.waiting()) {
      out.malformed(
          "Socket.IO packet arrived while "
              + assembler.received()
              + " attachments were still missing");
    }
    SocketIoPacket packet = SocketIoParser.parse(text);
    SocketIoPacket ready = assembler.start(packet);
    SocketIoReporter.report(packet, out);
    if (ready == null) {
      out.note("waiting for " + packet.attachments() + " binary attachment(s)");
    }
  }
}
