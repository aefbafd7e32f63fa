// One student floods the chat while a healthy pair talks and a few pages listen; prints one
// JSON object of what each side saw. ChatFloodTest runs it small and asserts on it; the same
// script, larger, is the benchmark in docs/benchmarks.md.
// Usage: node chat-flood.mjs URL [BURSTS JOINS_PER_BURST ROOMS LISTENERS HEALTHY_MESSAGES]
import { io } from "socket.io-client";

const [url, ...sizes] = process.argv.slice(2);
const [BURSTS, JOINS, ROOMS, LISTENERS, MESSAGES] = [5, 900, 900, 20, 10].map((d, i) => Number(sizes[i] ?? d));
const TIMEOUT_MS = 10000;
const MESSAGE_EVERY_MS = 550; // under the chat's 8-burst, 1 per 500 ms message limit

function connect(name) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth: { name }, transports: ["websocket"], reconnection: false, timeout: TIMEOUT_MS, forceNew: true });
    socket.once("welcome", () => resolve(socket));
    socket.once("connect_error", (error) => reject(error));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const percentile = (xs, p) => xs.length === 0 ? null : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

const a = await connect("healthy-a");
const b = await connect("healthy-b");
await a.timeout(TIMEOUT_MS).emitWithAck("join", "health", null);
await b.timeout(TIMEOUT_MS).emitWithAck("join", "health", null);
const delivered = new Set();
b.on("chat", (m) => { if (m.room === "health") delivered.add(m.clientId); });

const listeners = [];
for (let i = 0; i < LISTENERS; i++) {
  const l = await connect("listener-" + i);
  l.roomFrames = 0;
  l.roomBytes = 0;
  l.on("rooms", (list) => { l.roomFrames++; l.roomBytes += JSON.stringify(list).length; });
  listeners.push(l);
}

const flooder = await connect("flooder");
const flood = { answers: 0, refusals: 0, disconnected: false, reason: null };
flooder.on("disconnect", (reason) => { flood.disconnected = true; flood.reason = reason; });
const attack = (async () => {
  for (let burst = 0; burst < BURSTS && !flood.disconnected; burst++) {
    for (let i = 0; i < JOINS && !flood.disconnected; i++) {
      flooder.emit("join", "big", 0, (reply) => reply?.ok ? flood.answers++ : flood.refusals++);
    }
    for (let k = 0; k < ROOMS / BURSTS && !flood.disconnected; k++) {
      flooder.emit("join", `r${burst}-${k}`, null, (reply) => reply?.ok ? flood.answers++ : flood.refusals++);
    }
    await sleep(1100);
  }
})();

const ackMs = [];
let acked = 0;
const sent = [];
for (let i = 0; i < MESSAGES; i++) {
  const clientId = `h${i}`;
  sent.push(clientId);
  const start = performance.now();
  try {
    const reply = await a.timeout(TIMEOUT_MS).emitWithAck("message", { room: "health", clientId, text: "still here " + i });
    if (reply.ok) acked++;
    ackMs.push(performance.now() - start);
  } catch {
    ackMs.push(TIMEOUT_MS);
  }
  await sleep(MESSAGE_EVERY_MS);
}
await attack;
// The last broadcast may still be on its way to b.
for (let i = 0; i < 50 && delivered.size < acked; i++) await sleep(100);

console.log(JSON.stringify({
  healthy: { sent: sent.length, acked, delivered: delivered.size, maxAckMs: Math.round(Math.max(...ackMs)), p50AckMs: Math.round(percentile(ackMs, 0.5)) },
  flooder: flood,
  listeners: {
    count: LISTENERS,
    maxRoomFrames: Math.max(...listeners.map((l) => l.roomFrames)),
    maxRoomBytes: Math.max(...listeners.map((l) => l.roomBytes)),
    connected: listeners.filter((l) => l.connected).length,
  },
}));
for (const s of [a, b, flooder, ...listeners]) s.close();
