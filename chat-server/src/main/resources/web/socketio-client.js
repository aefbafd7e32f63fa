// A small Socket.IO client, written to be read: Engine.IO v4 (HTTP long-polling first, then an
// upgrade to WebSocket when the network allows one, as the official client does), Socket.IO v5
// packets inside it. It covers what the classroom chat needs (events, acknowledgements,
// automatic reconnection) and reports every packet to a "wire" hook so the page can show them.
//
// The layers, from the wire up:
//   WebSocket frame or HTTP body  "42[\"chat\",{\"text\":\"hi\"}]"
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
const RESERVED = new Set(["connect", "connect_error", "disconnect", "reconnecting", "upgrade"]);

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

/** Engine.IO separates the packets of one HTTP long-polling body with the record separator. */
const SEPARATOR = "\x1e";

const utf8 = new TextEncoder();

/**
 * HTTP long-polling: one GET at a time waits for what the server has to say; what we say goes in
 * POSTs, one at a time, several packets to a body. It works wherever plain HTTP works, which is
 * why every Engine.IO session starts on it.
 */
class PollingTransport {
  constructor(client, base) {
    this.name = "polling";
    this.client = client;
    this.base = base;
    this.sid = undefined;
    this.outgoing = [];
    this.posting = false;
    this.paused = false;
    this.closed = false;
    this.aborter = new AbortController();
    this.whenPaused = null;
  }

  open() {
    this.client.wire("local", { raw: "GET " + this.base + " (a new session, over HTTP long-polling)",
      transport: this.name });
    this.poll();
  }

  url() {
    return this.base + (this.sid ? "&sid=" + encodeURIComponent(this.sid) : "");
  }

  async poll() {
    if (this.pollingNow) return;
    while (!this.closed && !this.paused) {
      let body;
      this.pollingNow = true;
      try {
        const response = await fetch(this.url(), { cache: "no-store", signal: this.aborter.signal });
        if (!response.ok) throw new Error("HTTP " + response.status);
        body = await response.text();
      } catch (error) {
        this.pollingNow = false;
        this.fail("the long-poll failed: " + error.message);
        return;
      }
      this.pollingNow = false;
      for (const packet of body.split(SEPARATOR)) {
        if (this.closed) return;
        this.client.onEnginePacket(packet, this);
      }
    }
    this.settlePause();
  }

  send(packets) {
    this.outgoing.push(...packets);
    this.flush();
  }

  async flush() {
    if (this.posting || this.closed || this.outgoing.length === 0) return;
    this.posting = true;
    const body = this.outgoing.splice(0).join(SEPARATOR);
    try {
      const response = await fetch(this.url(), { method: "POST", body, cache: "no-store",
        headers: { "Content-Type": "text/plain;charset=UTF-8" }, signal: this.aborter.signal });
      if (!response.ok) throw new Error("HTTP " + response.status);
    } catch (error) {
      this.posting = false;
      this.fail("a POST failed: " + error.message);
      return;
    }
    this.posting = false;
    this.flush();
    this.settlePause();
  }

  /**
   * Stops polling for an upgrade: resolves once no GET and no POST is in flight (the server
   * answers a waiting GET with a noop when the WebSocket probe arrives), so nothing is lost.
   */
  pause() {
    this.paused = true;
    return new Promise((resolve) => {
      this.whenPaused = resolve;
      this.settlePause();
    });
  }

  settlePause() {
    if (this.paused && this.whenPaused && !this.posting && !this.pollingNow) {
      const resolve = this.whenPaused;
      this.whenPaused = null;
      resolve();
    }
  }

  /** A pause that found no WebSocket after all: polling carries on. */
  resume() {
    this.paused = false;
    this.whenPaused = null;
    this.poll();
    this.flush();
  }

  /** Ends this transport without telling the client (after an upgrade, or when it is replaced). */
  discard() {
    this.closed = true;
    this.aborter.abort();
  }

  close() {
    if (this.closed) return;
    this.discard();
    this.client.onTransportClose(this, "closed by this page");
  }

  fail(reason) {
    if (this.closed) return;
    this.discard();
    this.client.onTransportClose(this, reason);
  }
}

/** A WebSocket: the packets go both ways on one connection, one frame each. */
class WebSocketTransport {
  constructor(client, base, sid) {
    this.name = "websocket";
    this.client = client;
    this.url = base.replace(/^http/, "ws").replace("transport=polling", "transport=websocket")
      + (sid ? "&sid=" + encodeURIComponent(sid) : "");
    this.closed = false;
    this.onOpen = () => {};
    this.onProbeFailed = () => {};
  }

  open() {
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => this.onOpen();
    ws.onmessage = (event) => {
      if (typeof event.data !== "string") {
        this.client.wire("in", { raw: "<" + event.data.size + " binary bytes>", engine: "binary",
          transport: this.name });
        return;
      }
      this.client.onEnginePacket(event.data, this);
    };
    ws.onerror = () => ws.close();
    ws.onclose = () => {
      if (this.closed) return;
      this.closed = true;
      this.client.onTransportClose(this, "the WebSocket closed");
    };
  }

  send(packets) {
    for (const packet of packets) this.ws.send(packet);
  }

  discard() {
    this.closed = true;
    this.ws?.close();
  }

  close() {
    this.fail("closed by this page");
  }

  fail(reason) {
    if (this.closed) return;
    this.discard();
    this.client.onTransportClose(this, reason);
  }
}

/**
 * One connection to a Socket.IO server on the default namespace.
 *
 *   const socket = new SocketIoClient({ auth: { name: "ann" }, onWire: (frame) => console.log(frame) });
 *   socket.on("chat", (message) => ...);
 *   socket.emit("message", { text: "hi" }, (reply) => ...);   // the function is the ack callback
 *   socket.connect();
 *
 * Every session starts on HTTP long-polling; if the server offers "websocket" the client probes
 * it (2probe, 3probe), pauses polling and sends 5 (UPGRADE) on the WebSocket, which carries on
 * from there. Where a proxy or filter blocks WebSocket the probe fails and polling simply stays.
 */
export class SocketIoClient {
  constructor({ url = location.origin, path = "/socket.io/", auth = {}, onWire = () => {},
                upgrade = true, reconnectDelayMs = 500, reconnectDelayMaxMs = 5000 } = {}) {
    this.base = url + path + "?EIO=4&transport=polling";
    this.auth = auth;
    this.onWire = onWire;
    this.upgrade = upgrade;
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
    this.transport = null;
    this.probe = null;
    this.waiting = [];
  }

  /** The transport the session uses now: "polling" or "websocket" (or undefined when closed). */
  get transportName() {
    return this.transport?.name;
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
    if (!this.connected) {
      // Without a connection there is no one to acknowledge: fail now so the caller can retry.
      callback?.({ error: "not connected" });
      return false;
    }
    if (callback) {
      packet.id = this.nextAckId++;
      this.acks.set(packet.id, callback);
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
    if (this.transport?.name === "polling") this.sendFrame(ENGINE.CLOSE);
    // The POST of a polling close needs a moment; the WebSocket's close frame follows its queue.
    setTimeout(() => this.transport?.close(), 0);
  }

  /** Drops the transport as if the network failed; the client then reconnects by itself. */
  dropTransport() {
    this.probe?.discard();
    this.transport?.close();
  }

  /**
   * Drops the transport and stays away until goOnline(): like walking out of Wi-Fi range, so a
   * class can watch what the others say while one page is gone, and what it gets back after.
   */
  goOffline() {
    this.held = true;
    clearTimeout(this.reconnectTimer);
    this.dropTransport();
  }

  goOnline() {
    if (!this.held) return;
    this.held = false;
    if (this.wanted && !this.connected && !this.transport) this.open();
  }

  open() {
    this.probe?.discard();
    this.probe = null;
    this.waiting = [];
    this.transport = new PollingTransport(this, this.base);
    this.transport.open();
  }

  /** One Engine.IO packet from either transport (the probe's answers included). */
  onEnginePacket(packet, from) {
    const transport = from.name;
    const engineType = packet.charAt(0);
    const body = packet.slice(1);
    if (engineType !== ENGINE.MESSAGE) {
      this.wire("in", { raw: packet, engine: ENGINE_NAMES[engineType] ?? "unknown", transport });
    }
    if (from === this.probe) {
      if (packet === ENGINE.PONG + "probe") this.finishUpgrade();
      return;
    }
    if (from !== this.transport) return;
    switch (engineType) {
      case ENGINE.OPEN: {
        // The handshake says how often the server will ping; silence beyond that means it is gone.
        const handshake = JSON.parse(body);
        from.sid = handshake.sid;
        this.heartbeatMs = handshake.pingInterval + handshake.pingTimeout;
        this.expectHeartbeat();
        this.sendSocketPacket({ type: SOCKET.CONNECT, data: this.auth });
        if (this.upgrade && handshake.upgrades?.includes("websocket")) this.startProbe(handshake.sid);
        break;
      }
      case ENGINE.PING:
        this.expectHeartbeat();
        this.sendFrame(ENGINE.PONG);
        break;
      case ENGINE.MESSAGE:
        this.onSocketPacket(body, packet, transport);
        break;
      case ENGINE.CLOSE:
        from.fail("the server closed the session");
        break;
      default:
        break;
    }
  }

  /** Opens a WebSocket for the same session and checks it carries packets before moving to it. */
  startProbe(sid) {
    const probe = new WebSocketTransport(this, this.base, sid);
    this.probe = probe;
    this.wire("local", { raw: "WebSocket " + probe.url + " (probing for an upgrade)", transport: "websocket" });
    probe.onOpen = () => this.sendOn(probe, ENGINE.PING + "probe");
    probe.open();
  }

  /** The probe answered 3probe: stop polling, then say 5 (UPGRADE) and carry on over the WebSocket. */
  async finishUpgrade() {
    const probe = this.probe;
    const polling = this.transport;
    await polling.pause();
    if (this.probe !== probe || probe.closed || this.transport !== polling) return;
    this.probe = null;
    polling.discard();
    this.transport = probe;
    this.sendOn(probe, ENGINE.UPGRADE);
    this.wire("local", { raw: "upgraded: from now on this session uses the WebSocket", transport: "websocket" });
    this.fire("upgrade", "websocket");
    const waiting = this.waiting.splice(0);
    if (waiting.length > 0) this.transport.send(waiting);
  }

  onSocketPacket(text, frame, transport) {
    let packet;
    try {
      packet = decodePacket(text);
    } catch (error) {
      this.wire("in", { raw: frame, engine: "message", socket: "malformed", transport });
      console.warn("dropping a malformed packet:", error.message);
      return;
    }
    const event = packet.type === SOCKET.EVENT && Array.isArray(packet.data) ? packet.data[0] : undefined;
    this.wire("in", { raw: frame, engine: "message", socket: SOCKET_NAMES[packet.type], nsp: packet.nsp,
      event, id: packet.id, transport });
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
        this.transport.close();
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
        this.transport.close();
        break;
      default:
        break;
    }
  }

  onTransportClose(transport, reason) {
    if (transport === this.probe) {
      // The WebSocket was refused (a proxy, a filter): polling goes on, as the official client does.
      this.probe = null;
      this.wire("local", { raw: "the WebSocket probe failed; staying on HTTP long-polling",
        transport: "websocket" });
      if (this.transport?.paused) {
        this.transport.resume();
        const waiting = this.waiting.splice(0);
        if (waiting.length > 0) this.transport.send(waiting);
      }
      return;
    }
    if (transport !== this.transport) return;
    this.transport = null;
    this.probe?.discard();
    this.probe = null;
    clearTimeout(this.heartbeatTimer);
    const wasConnected = this.connected;
    this.connected = false;
    // Acks that were waiting will never come on this session: tell their callers.
    const acks = [...this.acks.values()];
    this.acks.clear();
    for (const callback of acks) callback({ error: "disconnected" });
    this.wire("local", { raw: "(connection closed: " + reason + ")", engine: "close", transport: transport.name });
    if (wasConnected) this.fire("disconnect", this.wanted ? "transport close" : "io client disconnect");
    if (this.wanted && !this.held) this.scheduleReconnect();
  }

  /** Exponential backoff with jitter, so a class of 30 laptops does not reconnect in lockstep. */
  scheduleReconnect() {
    const base = Math.min(this.reconnectDelayMaxMs, this.reconnectDelayMs * 2 ** this.attempt);
    const delay = Math.round(base / 2 + Math.random() * base / 2);
    this.attempt++;
    this.fire("reconnecting", { attempt: this.attempt, delayMs: delay });
    this.reconnectTimer = setTimeout(() => this.wanted && !this.held && !this.transport && this.open(), delay);
  }

  expectHeartbeat() {
    clearTimeout(this.heartbeatTimer);
    const transport = this.transport;
    this.heartbeatTimer = setTimeout(() => transport?.fail("no heartbeat from the server"), this.heartbeatMs);
  }

  sendSocketPacket(packet) {
    const text = ENGINE.MESSAGE + encodePacket(packet);
    const event = packet.type === SOCKET.EVENT ? packet.data[0] : undefined;
    this.write(text, { engine: "message", socket: SOCKET_NAMES[packet.type], nsp: packet.nsp ?? "/",
      event, id: packet.id });
  }

  sendFrame(frame) {
    this.write(frame, { engine: ENGINE_NAMES[frame.charAt(0)] });
  }

  /** Sends on the session's transport; while polling is paused for an upgrade, the packet waits. */
  write(packet, decoded) {
    const transport = this.transport;
    if (!transport) return;
    this.wire("out", { raw: packet, transport: transport.name, ...decoded });
    if (transport.paused) {
      this.waiting.push(packet);
    } else {
      transport.send([packet]);
    }
  }

  /** Sends an Engine.IO packet on one particular transport (the probe's 2probe and 5). */
  sendOn(transport, packet) {
    this.wire("out", { raw: packet, engine: ENGINE_NAMES[packet.charAt(0)], transport: transport.name });
    transport.send([packet]);
  }

  wire(direction, frame) {
    try {
      const bytes = direction === "local" ? undefined : utf8.encode(frame.raw).length;
      this.onWire({ direction, at: Date.now(), bytes, ...frame });
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
