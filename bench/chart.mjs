// Draws how a server's cost grows with the work (issue 17 §3) from bench/side-by-side.sh results:
//   node bench/chart.mjs RESULTS_DIR OUT.svg SERVER...
// Top row: about 50 000 deliveries/s at C = 100 ... 10 000 (scenarios c100 ... c10000).
// Bottom row: C = 1 000 at a growing offered rate up to saturation (c1000, r100k ... r700k).
// A missing run leaves a gap in its line; nothing is drawn that was not measured.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const [dir, out, ...servers] = process.argv.slice(2);
if (!dir || !out || servers.length === 0) {
  console.error("usage: node bench/chart.mjs RESULTS_DIR OUT.svg SERVER...");
  process.exit(2);
}

const BY_CLIENTS = ["c100", "c300", "c1000", "c3000", "c5000", "c10000"];
const BY_RATE = ["c1000", "r100k", "r200k", "r350k", "saturation", "r700k"];
const COLOURS = ["#1f6feb", "#d1242f", "#1a7f37", "#8250df", "#bf8700", "#57606a"];
const PANEL = { width: 330, height: 230, left: 58, right: 14, top: 30, bottom: 44 };

// Each result file is read once, though several panels draw from it.
const results = new Map();
const result = (server, scenario) => {
  const file = `${dir}/${server}-${scenario}.json`;
  if (!results.has(file)) {
    results.set(file, existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);
  }
  return results.get(file);
};

const panels = [
  { title: "CPU per delivery (µs)", x: "clients", scenarios: BY_CLIENTS, log: false,
    y: (r) => r.serverCpuMicrosPerDelivery },
  { title: "p99 latency (ms, log)", x: "clients", scenarios: BY_CLIENTS, log: true,
    y: (r) => r.latency.p99Millis },
  { title: "server RSS at the end (MB)", x: "clients", scenarios: BY_CLIENTS, log: false,
    y: (r) => r.serverRssEndKb / 1024 },
  { title: "CPU per delivery (µs)", x: "offered", scenarios: BY_RATE, log: false,
    y: (r) => r.serverCpuMicrosPerDelivery },
  { title: "p99 latency (ms, log)", x: "offered", scenarios: BY_RATE, log: true,
    y: (r) => r.latency.p99Millis },
  { title: "delivered (k/s)", x: "offered", scenarios: BY_RATE, log: false,
    y: (r) => r.deliveriesPerSecond / 1000 },
];

const xOf = {
  clients: { value: (r) => r.clients, label: "clients C (log), ~50 000 deliveries/s", log: true },
  offered: { value: (r) => r.expectedPerSecond / 1000, label: "offered k deliveries/s, C = 1 000",
    log: false },
};

const series = (panel) =>
  servers.map((server) =>
    panel.scenarios
      .map((scenario) => result(server, scenario))
      .filter((r) => r !== null && panel.y(r) != null && Number.isFinite(panel.y(r)))
      .map((r) => [xOf[panel.x].value(r), panel.y(r)]));

const svg = [];
const columns = 3;
const legendHeight = 28;
const width = columns * PANEL.width;
const height = legendHeight + 2 * PANEL.height;
svg.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
  `viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`);
svg.push(`<rect width="100%" height="100%" fill="white"/>`);
servers.forEach((server, i) => {
  const x = 12 + i * 150;
  svg.push(`<rect x="${x}" y="9" width="14" height="4" fill="${COLOURS[i % COLOURS.length]}"/>`);
  svg.push(`<text x="${x + 20}" y="15">${escape(server)}</text>`);
});
panels.forEach((panel, index) => {
  const ox = (index % columns) * PANEL.width;
  const oy = legendHeight + Math.floor(index / columns) * PANEL.height;
  drawPanel(panel, series(panel), ox, oy);
});
svg.push("</svg>");
writeFileSync(out, svg.join("\n") + "\n");

function drawPanel(panel, lines, ox, oy) {
  const points = lines.flat();
  const x0 = ox + PANEL.left;
  const x1 = ox + PANEL.width - PANEL.right;
  const y0 = oy + PANEL.height - PANEL.bottom;
  const y1 = oy + PANEL.top;
  svg.push(`<text x="${x0}" y="${oy + 18}" font-weight="bold">${escape(panel.title)}</text>`);
  svg.push(`<text x="${(x0 + x1) / 2}" y="${y0 + 32}" text-anchor="middle" fill="#57606a">` +
    `${escape(xOf[panel.x].label)}</text>`);
  if (points.length === 0) {
    svg.push(`<text x="${(x0 + x1) / 2}" y="${(y0 + y1) / 2}" text-anchor="middle">no runs</text>`);
    return;
  }
  const xs = scale(points.map((p) => p[0]), xOf[panel.x].log, x0, x1, false);
  const ys = scale(points.map((p) => p[1]), panel.log, y0, y1, !panel.log);
  svg.push(`<line x1="${x0}" y1="${y0}" x2="${x1}" y2="${y0}" stroke="#8c959f"/>`);
  svg.push(`<line x1="${x0}" y1="${y0}" x2="${x0}" y2="${y1}" stroke="#8c959f"/>`);
  for (const tick of xs.ticks) {
    const x = xs.at(tick);
    svg.push(`<line x1="${x}" y1="${y0}" x2="${x}" y2="${y0 + 4}" stroke="#8c959f"/>`);
    svg.push(`<text x="${x}" y="${y0 + 15}" text-anchor="middle">${format(tick)}</text>`);
  }
  for (const tick of ys.ticks) {
    const y = ys.at(tick);
    svg.push(`<line x1="${x0}" y1="${y}" x2="${x1}" y2="${y}" stroke="#eaeef2"/>`);
    svg.push(`<text x="${x0 - 5}" y="${y + 4}" text-anchor="end">${format(tick)}</text>`);
  }
  lines.forEach((line, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const path = line.map(([x, y]) => `${xs.at(x).toFixed(1)},${ys.at(y).toFixed(1)}`).join(" ");
    svg.push(`<polyline points="${path}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const [x, y] of line) {
      svg.push(`<circle cx="${xs.at(x).toFixed(1)}" cy="${ys.at(y).toFixed(1)}" r="3" ` +
        `fill="${colour}"/>`);
    }
  });
}

/** Maps values onto [from, to]; a linear scale starts at zero when asked, a log one at a decade. */
function scale(values, log, from, to, fromZero) {
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (log) {
    min = 10 ** Math.floor(Math.log10(min));
    max = 10 ** Math.ceil(Math.log10(max));
    if (min === max) max = min * 10;
    const at = (v) => from + ((Math.log10(v) - Math.log10(min)) / Math.log10(max / min)) * (to - from);
    const ticks = [];
    for (let decade = min; decade <= max; decade *= 10) {
      ticks.push(decade);
      if (decade * 3 < max) ticks.push(decade * 3);
    }
    return { at, ticks };
  }
  if (fromZero) min = 0;
  const step = niceStep((max - min) / 4 || 1);
  min = Math.floor(min / step) * step;
  max = Math.ceil(max / step) * step;
  if (min === max) max = min + step;
  const at = (v) => from + ((v - min) / (max - min)) * (to - from);
  const ticks = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(v);
  return { at, ticks };
}

function niceStep(rough) {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

function format(v) {
  if (v >= 1000) return `${+(v / 1000).toFixed(1)}k`;
  return `${+v.toFixed(v < 10 ? 1 : 0)}`;
}

function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}
