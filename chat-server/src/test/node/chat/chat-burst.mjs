// A benchmark, not a test: what a burst of messages costs the chat page in real Chromium.
//   ./wirelab chat --host 127.0.0.1 --port 3600 --db /tmp/burst.db --token t   (in one terminal)
//   node chat-burst.mjs http://127.0.0.1:3600/ [clients=125] [perClient=8] [rounds=5]
// One page sits in a fresh room; `clients` official socket.io-client connections join it and
// each sends `perClient` messages with an ack (the server's burst allowance is 8), for `rounds`
// rounds 4 s apart (the allowance refills). After the first round it prints how long the page
// took, after the last ack, to have every message on screen, and the long tasks meanwhile; after
// the last it types into the composer and prints what a keystroke costs with that many messages.
// Prints one JSON line per measurement.
import { chromium } from "playwright-core";
import { io } from "socket.io-client";

const [url, clientsArg = "125", perClientArg = "8", roundsArg = "5"] = process.argv.slice(2);
const clients = Number(clientsArg);
const perClient = Number(perClientArg);
const rounds = Number(roundsArg);
const room = "burst" + Date.now().toString(36);
const WAIT = { timeout: 300_000 };

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
const page = await context.newPage();
page.on("pageerror", (error) => console.error("page error:", error.message));
await page.addInitScript(() => {
  // Counts every message row the page ever appends (rows may be trimmed later: the DOM is bounded).
  window.bench = { rows: new Set(), lastRowAt: 0, longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.bench.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: "longtask", buffered: true });
  document.addEventListener("DOMContentLoaded", () => {
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.classList?.contains("chat") && node.dataset.offset) window.bench.rows.add(node.dataset.offset);
        }
      }
      window.bench.lastRowAt = Date.now();
    }).observe(document.getElementById("messages"), { childList: true });
  });
});
await page.goto(url);
await page.fill("#name", "perf");
await page.click("#login button[type=submit]");
await page.waitForFunction(() => document.querySelector("#status").textContent === "online", null, WAIT);
await page.fill("#room-name", room);
await page.click("#room-form button");
await page.waitForFunction((r) => document.querySelector("#room-title").textContent === "# " + r, room, WAIT);
await page.evaluate(() => {
  window.bench.rows.clear();
});

const sockets = await Promise.all(Array.from({ length: clients }, (_, i) => new Promise((resolve, reject) => {
  const socket = io(url, { auth: { name: "load" + i }, transports: ["websocket"], reconnection: false });
  socket.once("connect_error", reject);
  socket.once("connect", () => socket.emit("join", room, null, () => resolve(socket)));
})));

let sent = 0;
for (let round = 1; round <= rounds; round++) {
  const firstSend = Date.now();
  const tasksBefore = await page.evaluate(() => window.bench.longTasks.length);
  await Promise.all(sockets.flatMap((socket, i) => Array.from({ length: perClient }, (_, n) =>
    new Promise((resolve, reject) => socket.emit("message",
      { room, clientId: `${room}-${round}-${i}-${n}`, text: `round ${round} from load${i}: ${n}` },
      (reply) => (reply?.ok ? resolve() : reject(new Error(JSON.stringify(reply)))))))));
  const lastAck = Date.now();
  sent += clients * perClient;
  await page.waitForFunction((n) => window.bench.rows.size >= n, sent, WAIT);
  const seen = await page.evaluate((before) => ({
    lastRowAt: window.bench.lastRowAt,
    longTasks: window.bench.longTasks.slice(before).map(([, duration]) => duration),
    domNodes: document.getElementsByTagName("*").length,
    rowsInDom: document.querySelectorAll("#messages li.chat").length,
    status: document.querySelector("#status").textContent,
  }), tasksBefore);
  const tasks = seen.longTasks;
  console.log(JSON.stringify({
    round, messagesInRoom: sent, burst: clients * perClient,
    acksMs: lastAck - firstSend,
    lastAckToOnScreenMs: Math.max(0, seen.lastRowAt - lastAck),
    longTasks: tasks.length, longTaskTotalMs: Math.round(tasks.reduce((a, b) => a + b, 0)),
    longestTaskMs: Math.round(Math.max(0, ...tasks)),
    rowsInDom: seen.rowsInDom, domNodes: seen.domNodes, status: seen.status,
  }));
  if (round < rounds) await new Promise((resolve) => setTimeout(resolve, 4000));
}

// A keystroke with every message of the lesson in the room: keydown to the next frame.
await page.click("#text");
await page.evaluate(() => {
  window.bench.keys = [];
  document.getElementById("text").addEventListener("keydown", (event) => {
    const down = event.timeStamp;
    requestAnimationFrame(() => window.bench.keys.push(performance.now() - down));
  });
});
await page.keyboard.type("the quick brown fox jumps over the lazy dog", { delay: 30 });
const keys = await page.evaluate(() => window.bench.keys.slice().sort((a, b) => a - b));
console.log(JSON.stringify({
  keystrokes: keys.length, messagesInRoom: sent,
  keyToFrameMedianMs: Number(keys[Math.floor(keys.length / 2)].toFixed(1)),
  keyToFrameP95Ms: Number(keys[Math.floor(keys.length * 0.95)].toFixed(1)),
  keyToFrameMaxMs: Number(keys[keys.length - 1].toFixed(1)),
}));
for (const socket of sockets) socket.close();
await browser.close();
