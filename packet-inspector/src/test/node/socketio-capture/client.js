// Drives server.js with the official socket.io-client 4.8: one client that starts with HTTP
// long-polling and upgrades to WebSocket, one that stays on polling. Exits when both are done.
const { io } = require("socket.io-client");

const url = "http://127.0.0.1:" + Number(process.argv[2] || 4567);

function session(name, options) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(name + " timed out")), 10000);
    const root = io(url, options);
    const chat = io(url + "/chat", options);
    root.on("welcome", () => {});
    chat.on("connect", async () => {
      if (options.transports === undefined) {
        await new Promise((r) => (chat.io.engine.transport.name === "websocket" ? r() : chat.io.engine.once("upgrade", r)));
      }
      const reply = await chat.timeout(3000).emitWithAck("message", "hi from " + name);
      const stored = await chat.timeout(3000).emitWithAck("upload", "photo.bin", Buffer.from([1, 2, 3, 4, 5]));
      chat.emit("big", "x".repeat(name === "upgrader" ? 70000 : 300));
      await new Promise((r) => chat.once("big-size", r));
      await new Promise((r) => setTimeout(r, 900));
      console.log(name, JSON.stringify(reply), stored);
      chat.disconnect();
      root.disconnect();
      clearTimeout(timer);
      resolve();
    });
  });
}

session("upgrader", {})
  .then(() => session("poller", { transports: ["polling"] }))
  .then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); });
