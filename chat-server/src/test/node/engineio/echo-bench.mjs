// Echo throughput of an Engine.IO echo endpoint, measured with the official client.
// Usage: node echo-bench.mjs <http-url> <polling|websocket> <clients> <messages-per-client>
// e.g. against `./wirelab chat --fixture --port 3000`:
//   node echo-bench.mjs http://127.0.0.1:3000 websocket 100 2000
// Prints one JSON line: how long all echoes took and echoes per second.
import { Socket } from "engine.io-client";

const [url, transport, clients, perClient] = [process.argv[2], process.argv[3],
  Number(process.argv[4]), Number(process.argv[5])];
setTimeout(() => {
  console.error("echo-bench: not finished within 120 s");
  process.exit(1);
}, 120_000).unref();

const start = performance.now();
let finished = 0;
for (let c = 0; c < clients; c++) {
  const socket = new Socket(url, { path: "/engine.io/", transports: [transport] });
  let echoes = 0;
  socket.on("error", (error) => console.error(`echo-bench: ${error}`));
  socket.on("open", () => {
    for (let i = 0; i < perClient; i++) {
      socket.send(`message number ${i}`);
    }
  });
  socket.on("message", () => {
    if (++echoes < perClient) {
      return;
    }
    socket.close();
    if (++finished === clients) {
      const seconds = (performance.now() - start) / 1000;
      console.log(JSON.stringify({ transport, clients, perClient, seconds: Number(seconds.toFixed(2)),
        echoesPerSecond: Math.round((clients * perClient) / seconds) }));
    }
  });
}
