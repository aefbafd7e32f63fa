// The bench protocol on the official Node socket.io server: `join` puts the socket in a room and
// acks; `chat` is broadcast to everyone in that room, the sender included (io.to(room)).
// Run: node server.js PORT [--redis redis://HOST:PORT]   (binds 127.0.0.1 only)
// With --redis it is one node of a cluster on @socket.io/redis-adapter 8, as Wirelab's
// `./wirelab bench server --redis` is: the peer of bench/cross-node.sh.
import { createServer } from "node:http";
import { Server } from "socket.io";

const port = Number(process.argv[2] ?? 3000);
const redisAt = process.argv.indexOf("--redis");
const redisUrl = redisAt > 0 ? process.argv[redisAt + 1] : undefined;
const httpServer = createServer();
const io = new Server(httpServer, { transports: ["websocket", "polling"], serveClient: false });

let clients = [];
if (redisUrl) {
  const { createClient } = await import("redis");
  const { createAdapter } = await import("@socket.io/redis-adapter");
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
  clients = [pub, sub];
}

io.on("connection", (socket) => {
  socket.on("join", (room, ack) => {
    socket.join(room);
    socket.data.room = room;
    if (typeof ack === "function") ack("joined");
  });
  socket.on("chat", (payload) => {
    if (socket.data.room !== undefined) io.to(socket.data.room).emit("chat", payload);
  });
});

httpServer.listen(port, "127.0.0.1", () => {
  console.log(`node socket.io ${port}${redisUrl ? ` (cluster on ${redisUrl})` : ""} ready`);
});

process.on("SIGTERM", () =>
  io.close(() => Promise.all(clients.map((c) => c.quit())).finally(() => process.exit(0))));
