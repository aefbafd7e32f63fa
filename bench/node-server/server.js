// The bench protocol on the official Node socket.io server: `join` puts the socket in a room and
// acks; `chat` is broadcast to everyone in that room, the sender included (io.to(room)).
// Run: node server.js PORT   (binds 127.0.0.1 only)
import { createServer } from "node:http";
import { Server } from "socket.io";

const port = Number(process.argv[2] ?? 3000);
const httpServer = createServer();
const io = new Server(httpServer, { transports: ["websocket", "polling"], serveClient: false });

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
  console.log(`node socket.io ${port} ready`);
});

process.on("SIGTERM", () => io.close(() => process.exit(0)));
