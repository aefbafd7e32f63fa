// Fills a chat whose history may not grow past a few pages: sends until the server refuses,
// then reads the whole history back. Prints {acked, refused, stored} for ChatWithOfficialClientTest.
// Usage: node chat-full.mjs URL
import { io } from "socket.io-client";

const url = process.argv[2];
const TIMEOUT_MS = 5000;
const SENDERS = 6;
const PER_SENDER = 8;

function connect(name) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth: { name }, transports: ["websocket"], reconnection: false, timeout: TIMEOUT_MS });
    socket.once("welcome", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

const senders = await Promise.all([...Array(SENDERS).keys()].map((i) => connect("sender" + i)));
await Promise.all(senders.map((s) => s.timeout(TIMEOUT_MS).emitWithAck("join", "lobby", null)));

const acked = [];
const refused = [];
await Promise.all(senders.map(async (socket, i) => {
  for (let n = 0; n < PER_SENDER; n++) {
    const clientId = `s${i}-m${n}`;
    const reply = await socket.timeout(TIMEOUT_MS).emitWithAck("message",
      { room: "lobby", clientId, text: `${clientId} `.padEnd(450, "x") });
    if (reply.ok) acked.push(clientId);
    else refused.push({ clientId, ...reply });
  }
}));

const history = await senders[0].timeout(TIMEOUT_MS).emitWithAck("join", "lobby", 0);
for (const socket of senders) socket.close();
console.log(JSON.stringify({ acked, refused, stored: history.history.map((m) => m.clientId) }));
