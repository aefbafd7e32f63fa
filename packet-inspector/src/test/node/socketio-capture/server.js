// A small Socket.IO 4.8 server for recording socketio.pcap: default and /chat namespaces,
// an acknowledged event, a binary event, and a server push. Port from argv (default 4567, 0 = any
// free port); prints "listening PORT" once it accepts connections.
const { createServer } = require("http");
const { Server } = require("socket.io");

const http = createServer();
const io = new Server(http, { pingInterval: 400, pingTimeout: 2000 });

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
http.listen(Number(process.argv[2] || 4567), "127.0.0.1", () => console.log("listening " + http.address().port));
