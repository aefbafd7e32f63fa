// Prints the side-by-side table from bench/results/<server>-<scenario>.json.
// Usage: node bench/table.mjs RESULTS_DIR SCENARIO... -- SERVER...
import { existsSync, readFileSync } from "node:fs";

const [dir, ...rest] = process.argv.slice(2);
const split = rest.indexOf("--");
const scenarios = rest.slice(0, split);
const servers = rest.slice(split + 1);

const header = ["scenario", "server", "deliveries/s", "expected/s", "lost", "p50 ms", "p99 ms",
  "max ms", "CPU µs/deliv", "RSS B/conn", "RSS end MB", "conn errors", "gen. CPU µs/deliv"];
const rows = [];
for (const scenario of scenarios) {
  for (const server of servers) {
    const file = `${dir}/${server}-${scenario}.json`;
    if (!existsSync(file)) {
      rows.push([scenario, server, "failed", "", "", "", "", "", "", "", "", "", ""]);
      continue;
    }
    const r = JSON.parse(readFileSync(file, "utf8"));
    const idle = r.mode === "idle";
    rows.push([
      idle ? `idle C=${r.clients}` : `C=${r.clients} ${r.senders}×${r.rate}`,
      server,
      idle ? "-" : Math.round(r.deliveriesPerSecond).toLocaleString("en"),
      idle ? "-" : r.expectedPerSecond.toLocaleString("en"),
      idle ? "-" : r.lost.toLocaleString("en"),
      idle ? "-" : r.latency.p50Millis.toFixed(1),
      idle ? "-" : r.latency.p99Millis.toFixed(1),
      idle ? "-" : r.latency.maxMillis.toFixed(1),
      r.serverCpuMicrosPerDelivery == null ? "-" : r.serverCpuMicrosPerDelivery.toFixed(2),
      r.serverRssBytesPerConnection == null ? "-" : r.serverRssBytesPerConnection.toLocaleString("en"),
      r.serverRssEndKb == null ? "-" : Math.round(r.serverRssEndKb / 1024).toLocaleString("en"),
      String(r.connectErrors),
      r.generatorCpuMicrosPerDelivery == null ? "-" : r.generatorCpuMicrosPerDelivery.toFixed(2),
    ]);
  }
}
const line = (cells) => `| ${cells.join(" | ")} |`;
console.log(line(header));
console.log(line(header.map(() => "---")));
rows.forEach((row) => console.log(line(row)));
