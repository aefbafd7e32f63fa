// A small Socket.IO client, written to be read: Engine.IO v4 over one WebSocket, Socket.IO v5
// packets inside it. It covers what the classroom chat needs (events, acknowledgements,
// automatic reconnection) and reports every frame to a "wire" hook so the page can show them.
//
// The layers, from the wire up:
//   WebSocket frame  "42[\"chat\",{\"text\":\"hi\"}]"
//   Engine.IO packet  4 = message, carrying the rest of the text
//   Socket.IO packet  2 = EVENT, then an optional namespace and ack id, then a JSON array
//
// Specs: the engine.io-protocol and socket.io-protocol repositories (v4 and v5).

/** Engine.IO packet types: the first character of every frame. */
export const ENGINE = Object.freeze({
  OPEN: "0", CLOSE: "1", PING: "2", PONG: "3", MESSAGE: "4", UPGRADE: "5", NOOP: "6",
});

/** Socket.IO packet types: the first character after the Engine.IO MESSAGE type. */
export const SOCKET = Object.freeze({
  CONNECT: "0", DISCONNECT: "1", EVENT: "2", ACK: "3", CONNECT_ERROR: "4",
  BINARY_EVENT: "5", BINARY_ACK: "6",
});

const ENGINE_NAMES = Object.fromEntries(Object.entries(ENGINE).map(([k, v]) => [v, k.toLowerCase()]));
const SOCKET_NAMES = Object.fromEntries(Object.entries(SOCKET).map(([k, v]) => [v, k]));

/** Events the client raises itself; the server may not use these names. */
const RESERVED = new Set(["connect", "connect_error", "disconnect", "reconnecting"]);

/**
 * Encodes one Socket.IO packet as text: type, namespace (only when not "/"), ack id, JSON data.
 * Example: an EVENT with ack id 7 on "/" is 27["message",{"text":"hi"}].
 */
export function encodePacket({ type, nsp = "/", id, data }) {
  let text = type;
  if (nsp !== "/") text += nsp + ",";
  if (id !== undefined) text += id;
  if (data !== undefined) text += JSON.stringify(data);
  return text;
}

/** Decodes the text of one Socket.IO packet; throws on anything malformed. */
export function decodePacket(text) {
  const type = text.charAt(0);
  if (!(type in SOCKET_NAMES)) throw new Error("unknown Socket.IO packet type " + JSON.stringify(type));
  let i = 1;
  if (type === SOCKET.BINARY_EVENT || type === SOCKET.BINARY_ACK) {
    // "51-[...]": this client speaks text only; the count is read so the rest still parses.
    const dash = text.indexOf("-", i);
    i = dash + 1;
  }
  let nsp = "/";
  if (text.charAt(i) === "/") {
    const comma = text.indexOf(",", i);
    nsp = comma < 0 ? text.slice(i) : text.slice(i, comma);
    i = comma < 0 ? text.length : comma + 1;
  }
  let digits = "";
  while (i < text.length && text.charAt(i) >= "0" && text.charAt(i) <= "9") digits += text.charAt(i++);
  const rest = text.slice(i);
  return {
    type,
    nsp,
    id: digits === "" ? undefined : Number(digits),
    data: rest === "" ? undefined : JSON.parse(rest),
  };
}

/**
 * One connection to a Socket.IO server on the default namespace.
 *
 *   const socket = new SocketIoClient({ auth: { name: "ann" }, onWire: (frame) => console.log(frame) });
 *   socket.on("chat", (message) => ...);
 *   socket.emit("message", { text: "hi" }, (reply) => ...);   // the function is the ack callback
 *   socket.connect();
 */
export class SocketIoClient {
  constructor({ url = location.origin, path = "/socket.io/", auth = {}, onWire = () => {},
                reconnectDelayMs = 500, reconnectDelayMaxMs = 5000 } = {}) {
    this.url = url.replace(/^http/, "ws") + path + "?EIO=4&transport=websocket";
    this.auth = auth;
    this.onWire = onWire;
    this.reconnectDelayMs = reconnectDelayMs;
    this.reconnectDelayMaxMs = reconnectDelayMaxMs;
    this.handlers = new Map();
    this.acks = new Map();
    this.nextAckId = 0;
    this.attempt = 0;
    this.connected = false;
    this.id = undefined;
    this.wanted = false;
    this.held = false;
  }

  /** Registers a handler for an event from the server, or for connect/disconnect/connect_error/reconnecting. */
  on(event, handler) {
    if (!this.handlers.has(event)) this.handlers.set(event, []);
    this.handlers.get(event).push(handler);
    return this;
  }

  /** Sends an event; if the last argument is a function, the server's acknowledgement calls it. */
  emit(event, ...args) {
    if (RESERVED.has(event)) throw new Error(event + " is a reserved event name");
    const callback = typeof args[args.length - 1] === "function" ? args.pop() : undefined;
    const packet = { type: SOCKET.EVENT, data: [event, ...args] };
    if (callback) {
      packet.id = this.nextAckId++;
      this.acks.set(packet.id, callback);
    }
    if (!this.connected) {
      // Without a connection there is no one to acknowledge: fail now so the caller can retry.
      if (packet.id !== undefined) this.acks.get(packet.id)?.call(null, { error: "not connected" });
      this.acks.delete(packet.id);
      return false;
    }
    this.sendSocketPacket(packet);
    return true;
  }

  /** Like emit with an ack callback, as a promise that rejects after timeoutMs without an answer. */
  emitWithAck(event, timeoutMs, ...args) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no acknowledgement within " + timeoutMs + " ms")), timeoutMs);
      this.emit(event, ...args, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
    });
  }

  /** Opens the connection and keeps it open: after any loss it reconnects with growing delays. */
  connect() {
    this.wanted = true;
    this.open();
    return this;
  }

  /** Closes the connection for good (no reconnection). */
  disconnect() {
    this.wanted = false;
    clearTimeout(this.reconnectTimer);
    if (this.connected) this.sendSocketPacket({ type: SOCKET.DISCONNECT });
    this.ws?.close();
  }

  /** Drops the transport as if the network failed; the client then reconnects by itself. */
  dropTransport() {
    this.ws?.close();
  }

  /**
   * Drops the transport and stays away until goOnline(): like walking out of Wi-Fi range, so a
   * class can watch what the others say while one page is gone, and what it gets back after.
   */
  goOffline() {
    this.held = true;
    clearTimeout(this.reconnectTimer);
    this.ws?.close();
  }

  goOnline() {
    if (!this.held) return;
    this.held = false;
    if (this.wanted && !this.connected) this.open();
  }

  open() {
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onmessage = (event) => this.onFrame(event.data);
    ws.onclose = () => this.onTransportClose(ws);
    ws.onerror = () => ws.close();
  }

  onFrame(frame) {
    if (typeof frame !== "string") {
      this.wire("in", { raw: "<" + frame.size + " binary bytes>", engine: "binary" });
      return;
    }
    const engineType = frame.charAt(0);
    const body = frame.slice(1);
    if (engineType !== ENGINE.MESSAGE) {
      this.wire("in", { raw: frame, engine: ENGINE_NAMES[engineType] ?? "unknown" });
    }
    switch (engineType) {
      case ENGINE.OPEN: {
        // The handshake says how often the server will ping; silence beyond that means it is gone.
        const handshake = JSON.parse(body);
        this.heartbeatMs = handshake.pingInterval + handshake.pingTimeout;
        this.expectHeartbeat();
        this.sendSocketPacket({ type: SOCKET.CONNECT, data: this.auth });
        break;
      }
      case ENGINE.PING:
        this.expectHeartbeat();
        this.sendFrame(ENGINE.PONG);
        break;
      case ENGINE.MESSAGE:
        this.onSocketPacket(body, frame);
        break;
      case ENGINE.CLOSE:
        this.ws.close();
        break;
      default:
        break;
    }
  }

  onSocketPacket(text, frame) {
    let packet;
    try {
      packet = decodePacket(text);
    } catch (error) {
      this.wire("in", { raw: frame, engine: "message", socket: "malformed" });
      console.warn("dropping a malformed packet:", error.message);
      return;
    }
    const event = packet.type === SOCKET.EVENT && Array.isArray(packet.data) ? packet.data[0] : undefined;
    this.wire("in", { raw: frame, engine: "message", socket: SOCKET_NAMES[packet.type], nsp: packet.nsp,
      event, id: packet.id });
    switch (packet.type) {
      case SOCKET.CONNECT:
        this.connected = true;
        this.id = packet.data?.sid;
        this.attempt = 0;
        this.fire("connect");
        break;
      case SOCKET.CONNECT_ERROR:
        // The server refused us (a bad name, say): reconnecting would be refused again.
        this.wanted = false;
        this.fire("connect_error", packet.data);
        this.ws.close();
        break;
      case SOCKET.EVENT: {
        const [name, ...args] = packet.data;
        if (packet.id !== undefined) {
          args.push((...reply) => this.sendSocketPacket({ type: SOCKET.ACK, id: packet.id, data: reply }));
        }
        this.fire(name, ...args);
        break;
      }
      case SOCKET.ACK: {
        const callback = this.acks.get(packet.id);
        this.acks.delete(packet.id);
        callback?.(...(packet.data ?? []));
        break;
      }
      case SOCKET.DISCONNECT:
        this.wanted = false;
        this.ws.close();
        break;
      default:
        break;
    }
  }

  onTransportClose(ws) {
    if (ws !== this.ws) return;
    clearTimeout(this.heartbeatTimer);
    const wasConnected = this.connected;
    this.connected = false;
    // Acks that were waiting will never come on this connection: tell their callers.
    for (const callback of this.acks.values()) callback({ error: "disconnected" });
    this.acks.clear();
    this.wire("in", { raw: "(connection closed)", engine: "close" });
    if (wasConnected) this.fire("disconnect", this.wanted ? "transport close" : "io client disconnect");
    if (this.wanted && !this.held) this.scheduleReconnect();
  }

  /** Exponential backoff with jitter, so a class of 30 laptops does not reconnect in lockstep. */
  scheduleReconnect() {
    const base = Math.min(this.reconnectDelayMaxMs, this.reconnectDelayMs * 2 ** this.attempt);
    const delay = Math.round(base / 2 + Math.random() * base / 2);
    this.attempt++;
    this.fire("reconnecting", { attempt: this.attempt, delayMs: delay });
    this.reconnectTimer = setTimeout(() => this.wanted && !this.held && this.open(), delay);
  }

  expectHeartbeat() {
    clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = setTimeout(() => this.ws.close(), this.heartbeatMs);
  }

  sendSocketPacket(packet) {
    const text = encodePacket(packet);
    const event = packet.type === SOCKET.EVENT ? packet.data[0] : undefined;
    this.wire("out", { raw: ENGINE.MESSAGE + text, engine: "message", socket: SOCKET_NAMES[packet.type],
      nsp: packet.nsp ?? "/", event, id: packet.id });
    this.ws.send(ENGINE.MESSAGE + text);
  }

  sendFrame(frame) {
    this.wire("out", { raw: frame, engine: ENGINE_NAMES[frame.charAt(0)] });
    this.ws.send(frame);
  }

  wire(direction, frame) {
    try {
      this.onWire({ direction, at: new Date(), ...frame });
    } catch (error) {
      console.error("wire view hook failed:", error);
    }
  }

  fire(event, ...args) {
    for (const handler of this.handlers.get(event) ?? []) {
      try {
        handler(...args);
      } catch (error) {
        console.error("handler for " + event + " failed:", error);
      }
    }
  }
}
