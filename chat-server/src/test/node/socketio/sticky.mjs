// Many official socket.io-client connections through ./wirelab lb, a few at a time; each
// connects, asks the fixture for an ack and disconnects. Prints one JSON line: how many made it,
// the first failures, which node tag their session ids started with, and the transports used.
// Usage: node sticky.mjs <url> <connections> <at-a-time> <transports as JSON, e.g. ["polling"]>
import { io } from "socket.io-client";

const [url, total, atOnce, transportsJson] = process.argv.slice(2);
const transports = JSON.parse(transportsJson);
const WAIT_MS = 10_000;
const result = { connected: 0, acked: 0, failures: [], failureCount: 0, byTag: {}, transports: {} };

function fail(n, why) {
  result.failureCount++;
  if (result.failures.length < 5) result.failures.push(`#${n}: ${why}`);
}

async function one(n) {
  const socket = io(url, { transports, reconnection: false, forceNew: true, timeout: WAIT_MS });
  try {
    await new Promise((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", (error) => reject(new Error("connect_error: " + error.message)));
    });
    result.connected++;
    const tag = socket.io.engine.id.slice(0, 4);
    result.byTag[tag] = (result.byTag[tag] ?? 0) + 1;
    if (transports.includes("websocket") && transports.includes("polling")) {
      // Wait for the upgrade, bounded: through the balancer the WebSocket must reach the same node.
      await new Promise((resolve, reject) => {
        if (socket.io.engine.transport.name === "websocket") return resolve();
        const timer = setTimeout(() => reject(new Error("no upgrade within " + WAIT_MS + " ms")), WAIT_MS);
        socket.io.engine.once("upgrade", () => { clearTimeout(timer); resolve(); });
      });
    }
    const reply = await socket.timeout(WAIT_MS).emitWithAck("message-with-ack", n);
    if (reply !== n) throw new Error(`ack ${JSON.stringify(reply)} for ${n}`);
    result.acked++;
    const name = socket.io.engine.transport.name;
    result.transports[name] = (result.transports[name] ?? 0) + 1;
  } catch (error) {
    fail(n, error.message);
  } finally {
    socket.disconnect();
  }
}

let next = 0;
async function worker() {
  while (next < Number(total)) await one(next++);
}
await Promise.all(Array.from({ length: Number(atOnce) }, worker));
console.log(JSON.stringify(result));
process.exit(0);
