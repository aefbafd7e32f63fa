// A Node.js socket.io 4.8 node on Redis with the official adapter, plus official socket.io-clients
// to any node and the official emitter: the other half of the chat-server's cluster tests.
// Usage: node node-peer.mjs <port> <redis-url> <pubsub|streams>
// Reads one JSON command per line on stdin ({id, cmd, ...}), prints one JSON line per event.
// Binary values travel as {"$bytes": [..]} in both directions.
import { createServer } from "node:http";
import { createInterface } from "node:readline";
import { toJson, fromJson } from "../bytes-json.mjs";
import { Server } from "socket.io";
import { io as connect } from "socket.io-client";
import { createClient } from "redis";
import { createAdapter as createPubSubAdapter } from "@socket.io/redis-adapter";
import { createAdapter as createStreamsAdapter } from "@socket.io/redis-streams-adapter";
import { Emitter } from "@socket.io/redis-emitter";

const [port, redisUrl, kind] = process.argv.slice(2);
const print = (line) => console.log(JSON.stringify(line));

// Exit on our own if the Java side vanishes without telling us.
setTimeout(() => {
  print({ event: "failure", message: "no exit command within 120 s" });
  process.exit(1);
}, 120_000).unref();

const pub = createClient({ url: redisUrl });
const sub = pub.duplicate();
const emitterClient = pub.duplicate();
for (const client of [pub, sub, emitterClient]) {
  client.on("error", (error) => print({ event: "redis-error", message: error.message }));
}
await Promise.all([pub.connect(), sub.connect(), emitterClient.connect()]);

const adapter = kind === "streams"
  ? createStreamsAdapter(pub, { maxDisconnectionDuration: 60_000 })
  : createPubSubAdapter(pub, sub);
const httpServer = createServer();
const io = new Server(httpServer, {
  adapter,
  connectionStateRecovery: kind === "streams" ? { maxDisconnectionDuration: 60_000 } : undefined,
});
const emitter = new Emitter(emitterClient);

// The protocol fixture's cluster handlers, as the Wirelab fixture has them.
io.on("connection", (socket) => {
  socket.data.name = socket.handshake.auth?.name ?? null;
  socket.data.node = "N";
  socket.on("broadcast", (...args) => io.emit("broadcast", ...args));
  socket.on("join", (room, ack) => {
    socket.join(room);
    if (typeof ack === "function") ack();
  });
  socket.on("to-room", (room, ...args) => io.to(room).emit("to-room", ...args));
  socket.on("fetch", async (ack) => ack((await io.fetchSockets()).map((s) => s.id)));
  socket.on("server-count", async (ack) => ack(await io.of("/").adapter.serverCount()));
  // Printed after the adapter persisted a recoverable session (socket.io calls persistSession first).
  socket.on("disconnect", (reason) => print({ event: "server-disconnect", id: socket.id, reason }));
});
io.on("hello", (arg, ack) => ack(`N:${arg}`));

// The adapter and the emitter publish without waiting for Redis. A PING on the same connection is
// answered only once Redis has handled every command sent before it, so the test's next request,
// from any node, reaches every subscriber after what this command published.
const published = (client, action) => async (opts) => {
  const result = await action(opts);
  await client.ping();
  return result;
};

const clients = new Map();
const target = (op, { rooms = [], except = [] }) => {
  let operator = op;
  for (const room of rooms) operator = operator.to(room);
  for (const room of except) operator = operator.except(room);
  return operator;
};
const describe = (s) => ({
  id: s.id,
  rooms: [...s.rooms],
  data: s.data ?? null,
  handshake: { address: s.handshake.address, query: s.handshake.query, auth: s.handshake.auth },
});

const commands = {
  client: ({ name, url, auth, transports }) => new Promise((resolve) => {
    const socket = connect(url, { forceNew: true, auth, transports: transports ?? ["websocket"],
      reconnectionDelay: 50, reconnectionDelayMax: 200 });
    clients.set(name, socket);
    socket.on("connect", () => {
      print({ event: "connect", client: name, id: socket.id, recovered: socket.recovered });
      resolve(socket.id);
    });
    socket.on("disconnect", (reason) => print({ event: "disconnect", client: name, reason }));
    socket.onAny((ev, ...args) => {
      const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
      print({ event: "on", client: name, name: ev, args: toJson(args) });
      if (ack) ack(`ack:${name}`);
    });
  }),
  clientEmit: ({ client, name, args }) => {
    clients.get(client).emit(name, ...fromJson(args ?? []));
  },
  clientEmitWithAck: ({ client, name, args }) =>
    clients.get(client).timeout(5_000).emitWithAck(name, ...fromJson(args ?? [])),
  closeTransport: ({ client }) => clients.get(client).io.engine.close(),
  // Loses the connection and stays away (no reconnection), until moveClient brings it back.
  dropClient: ({ client }) => {
    const socket = clients.get(client);
    socket.io.reconnection(false);
    socket.io.engine.close();
  },
  // Reconnects a dropped client to another node, with its pid and last offset, as recovery does.
  moveClient: ({ client, url }) => {
    const socket = clients.get(client);
    socket.io.uri = url;
    socket.connect();
  },
  // Answered once Redis handled every command the adapter's client sent before (a session's SET).
  flush: () => pub.ping(),
  emit: ({ name, args, ...opts }) => {
    target(io, opts).emit(name, ...fromJson(args ?? []));
  },
  fetch: async (opts) => (await target(io, opts).fetchSockets()).map(describe),
  remoteEmit: async ({ socketId, name, args }) => {
    const found = (await io.fetchSockets()).find((s) => s.id === socketId);
    if (!found) throw new Error(`no socket ${socketId} in the cluster`);
    found.emit(name, ...fromJson(args ?? []));
    return found.constructor.name;
  },
  socketsJoin: published(pub, ({ room, ...opts }) => target(io, opts).socketsJoin(room)),
  socketsLeave: published(pub, ({ room, ...opts }) => target(io, opts).socketsLeave(room)),
  disconnectSockets: published(pub, ({ close, ...opts }) => target(io, opts).disconnectSockets(close)),
  serverSideEmitWithAck: ({ name, args }) => io.serverSideEmitWithAck(name, ...(args ?? [])),
  emitWithAck: ({ name, args, ...opts }) =>
    target(io, opts).timeout(3_000).emitWithAck(name, ...fromJson(args ?? [])),
  serverCount: () => io.of("/").adapter.serverCount(),
  emitterEmit: published(emitterClient, ({ name, args, ...opts }) => {
    target(emitter, opts).emit(name, ...fromJson(args ?? []));
  }),
  emitterSocketsJoin: published(emitterClient, ({ room, ...opts }) => target(emitter, opts).socketsJoin(room)),
  emitterSocketsLeave: published(emitterClient, ({ room, ...opts }) => target(emitter, opts).socketsLeave(room)),
  emitterDisconnectSockets: published(emitterClient,
    ({ close, ...opts }) => target(emitter, opts).disconnectSockets(close)),
  exit: async () => {
    for (const socket of clients.values()) socket.disconnect();
    io.close();
    await Promise.allSettled([pub.quit(), sub.quit(), emitterClient.quit()]);
    process.exit(0);
  },
};

createInterface({ input: process.stdin }).on("line", (line) => {
  const command = JSON.parse(line);
  Promise.resolve()
    .then(() => commands[command.cmd](command))
    .then((result) => print({ event: "done", id: command.id, result: toJson(result ?? null) }))
    .catch((error) => print({ event: "done", id: command.id, error: error.message }));
});

httpServer.listen(Number(port), "127.0.0.1", () => print({ event: "listening", port: httpServer.address().port }));
