// A small Socket.IO 4.8 server for recording socketio.pcap: default and /chat namespaces,
// an acknowledged event, a binary event, and a server push. Port from argv (default 4567).
const { Server } = require("socket.io");

const port = Number(process.argv[2] || 4567);
const io = new Server(port, { pingInterval: 400, pingTimeout: 2000 });

io.on("connection", (socket) => {
  socket.emit("welcome", { id: socket.id.length, note: "hello from /" });
});

io.of("/chat").on("connection", (socket) => {
  socket.on("message", (text, ack) => {
    socket.emit("message", "echo: " + text);
    if (typeof ack === "function") ack({ ok: true, length: text.length });
  });
  socket.on("upload", (name, data, ack) => {
    socket.emit("stored", name, Buffer.from([0xca, 0xfe]));
    if (typeof ack === "function") ack(data.length);
  });
  socket.on("big", (text) => socket.emit("big-size", text.length));
});

process.on("SIGTERM", () => io.close(() => process.exit(0)));
console.log("listening " + port);
