// The bench load generator again, built on the official socket.io-client, so that no result rests
// on one generator's way of speaking the protocol (issue 17). Same scenario, same measurements and
// the same JSON as `./wirelab bench chat --json` (bench/src/main/java/dev/wirelab/bench/client/):
//   node generate.mjs --url ws://127.0.0.1:3000 --clients 1000 --senders 10 --rate 5 \
//        --duration 20 --warmup 5 [--drain 5] [--pid PID] [--idle] [--connect-timeout 120]
// Each message carries its scheduled send time; a sender that falls behind catches up in a burst,
// so its lateness shows as latency. Every phase is bounded by its own option.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { io } from "socket.io-client";

const options = parseOptions(process.argv.slice(2));
const CONNECT_WINDOW = 200;
const TEXT = "the quick brown fox jumps over the lazy dog";
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());

const origin = process.hrtime.bigint();
const nanos = () => Number(process.hrtime.bigint() - origin);

const run = {
  connectErrors: 0,
  firstError: null,
  disconnects: 0,
  measuring: false,
  measureFromNanos: Infinity,
  sent: 0,
  received: 0,
  lastDeliveryNanos: 0,
  latenciesMillis: [],
  connectMillis: [],
};

const rssBeforeKb = serverRssKb();
const sockets = await openAll();
const connected = sockets.length;
const rssJoinedKb = serverRssKb();
const report = options.idle ? await holdIdle() : await sendAndMeasure();
for (const socket of sockets) socket.close();
print(report);
process.exit(0);

async function openAll() {
  const deadline = Date.now() + options.connectTimeout * 1000;
  const opened = [];
  // The first client alone, as the Java generator does: later connect times measure the server.
  const first = await openOne(deadline);
  if (first) opened.push(first);
  let next = 1;
  const worker = async () => {
    while (next < options.clients && Date.now() < deadline) {
      next++;
      const socket = await openOne(deadline);
      if (socket) opened.push(socket);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONNECT_WINDOW, options.clients) }, worker));
  run.connectErrors = options.clients - opened.length;
  return opened;
}

function openOne(deadline) {
  return new Promise((resolve) => {
    const started = nanos();
    const socket = io(options.url, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      timeout: Math.max(1, deadline - Date.now()),
    });
    const fail = (why) => {
      run.firstError ??= why;
      clearTimeout(timer);
      socket.close();
      resolve(null);
    };
    const timer = setTimeout(() => fail("no join ack before the connect timeout"),
      Math.max(1, deadline - Date.now()));
    socket.on("connect_error", (error) => fail(`connect_error: ${error.message}`));
    socket.on("connect", () => {
      socket.emit("join", options.room, () => {
        clearTimeout(timer);
        run.connectMillis.push((nanos() - started) / 1e6);
        resolve(socket);
      });
    });
    socket.on("disconnect", (reason) => {
      if (run.measuring) {
        run.disconnects++;
        run.firstError ??= `disconnect: ${reason}`;
      }
    });
    socket.on("chat", (payload) => {
      if (payload.t < run.measureFromNanos) return;
      run.received++;
      const now = nanos();
      run.lastDeliveryNanos = now;
      run.latenciesMillis.push((now - payload.t) / 1e6);
    });
  });
}

async function sendAndMeasure() {
  const senders = sockets.slice(0, Math.min(options.senders, connected));
  const periodNanos = 1e9 / options.rate;
  const start = nanos() + 10e6;
  run.measureFromNanos = start + options.warmup * 1e9;
  const end = run.measureFromNanos + options.duration * 1e9;
  // Sender i sends at start + i·period/S + k·period: the senders spread over each period.
  const due = senders.map((_, i) => start + (i * periodNanos) / senders.length);
  let expected = 0;
  let before = null;

  await new Promise((resolve) => {
    const tick = setInterval(() => {
      const now = nanos();
      if (before === null && now >= run.measureFromNanos) {
        before = sample();
        run.measuring = true;
      }
      let pending = false;
      senders.forEach((socket, i) => {
        while (due[i] <= now && due[i] < end) {
          socket.emit("chat", { t: due[i], s: i, m: TEXT });
          if (due[i] >= run.measureFromNanos) {
            run.sent++;
            expected += connected;
          }
          due[i] += periodNanos;
        }
        pending ||= due[i] < end;
      });
      if (!pending) {
        clearInterval(tick);
        resolve();
      }
    }, 1);
  });
  before ??= sample();
  run.measuring = true;

  const drainUntil = Date.now() + options.drain * 1000;
  await until(() => run.received >= expected || Date.now() >= drainUntil);
  run.measuring = false;
  const after = sample();
  const measuredSeconds = (run.lastDeliveryNanos - run.measureFromNanos) / 1e9;
  return {
    ...common("chat"),
    sent: run.sent,
    expected,
    received: run.received,
    lost: expected - run.received,
    disconnects: run.disconnects,
    deliveriesPerSecond: measuredSeconds > 0 ? run.received / measuredSeconds : 0,
    expectedPerSecond: senders.length * options.rate * connected,
    latency: percentiles(run.latenciesMillis),
    serverCpuMicrosPerDelivery: perDelivery(before.serverCpuMicros, after.serverCpuMicros),
    generatorCpuMicrosPerDelivery: perDelivery(before.generatorCpuMicros, after.generatorCpuMicros),
  };
}

async function holdIdle() {
  run.measuring = true;
  const holdUntil = Date.now() + options.duration * 1000;
  await until(() => Date.now() >= holdUntil);
  run.measuring = false;
  return {
    ...common("idle"),
    sent: 0,
    expected: 0,
    received: 0,
    lost: 0,
    disconnects: run.disconnects,
    deliveriesPerSecond: 0,
    expectedPerSecond: 0,
    latency: percentiles([]),
    serverCpuMicrosPerDelivery: null,
    generatorCpuMicrosPerDelivery: null,
  };
}

function common(mode) {
  return {
    url: options.url,
    generator: "node socket.io-client",
    mode,
    clients: options.clients,
    senders: options.idle ? 0 : options.senders,
    rate: options.idle ? 0 : options.rate,
    durationSeconds: options.duration,
    warmupSeconds: options.idle ? 0 : options.warmup,
    connected,
    connectErrors: run.connectErrors,
    firstError: run.firstError,
    connectTime: percentiles(run.connectMillis),
    serverRssBytesPerConnection:
      rssBeforeKb === null || connected === 0
        ? null
        : Math.round(((rssJoinedKb - rssBeforeKb) * 1024) / connected),
    serverRssEndKb: serverRssKb(),
  };
}

/** Polls a condition every 20 ms; each caller's condition includes its own deadline. */
function until(done) {
  return new Promise((resolve) => {
    const check = () => (done() ? resolve() : setTimeout(check, 20));
    check();
  });
}

function sample() {
  const own = process.cpuUsage();
  return { serverCpuMicros: serverCpuMicros(), generatorCpuMicros: own.user + own.system };
}

function perDelivery(from, to) {
  return from === null || to === null || run.received === 0 ? null : (to - from) / run.received;
}

function serverCpuMicros() {
  if (!options.pid) return null;
  // Fields 14 and 15 of /proc/PID/stat, counted after the command name's closing parenthesis.
  const stat = readFileSync(`/proc/${options.pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS_PER_SECOND;
}

function serverRssKb() {
  if (!options.pid) return null;
  const status = readFileSync(`/proc/${options.pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)[1]);
}

function percentiles(values) {
  const sorted = Float64Array.from(values).sort();
  const at = (q) => (sorted.length === 0 ? 0 : sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]);
  return { count: sorted.length, p50Millis: at(0.5), p99Millis: at(0.99), p999Millis: at(0.999),
    maxMillis: at(1) };
}

function print(result) {
  if (options.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const l = result.latency;
  console.log(`${result.mode}: ${result.connected}/${result.clients} joined, ` +
    `${result.received}/${result.expected} delivered (${result.lost} lost), ` +
    `p50 ${l.p50Millis.toFixed(1)} ms, p99 ${l.p99Millis.toFixed(1)} ms, max ${l.maxMillis.toFixed(1)} ms`);
}

function parseOptions(argv) {
  const parsed = { room: "bench", senders: 1, rate: 10, duration: 20, warmup: 0, drain: 5,
    connectTimeout: 120, pid: 0, idle: false, json: false, allowRemote: false };
  const numbers = { "--clients": "clients", "--senders": "senders", "--rate": "rate",
    "--duration": "duration", "--warmup": "warmup", "--drain": "drain",
    "--connect-timeout": "connectTimeout", "--pid": "pid" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg in numbers) {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value < 0) fail(`${arg} takes a number >= 0, not "${argv[i]}"`);
      parsed[numbers[arg]] = value;
    } else if (arg === "--url") parsed.url = argv[++i];
    else if (arg === "--room") parsed.room = argv[++i];
    else if (arg === "--idle") parsed.idle = true;
    else if (arg === "--json") parsed.json = true;
    else if (arg === "--allow-remote") parsed.allowRemote = true;
    else fail(`unknown option ${arg}`);
  }
  if (!parsed.url || !parsed.clients) fail("give --url ws://HOST:PORT and --clients N");
  if (!parsed.idle && (parsed.senders < 1 || parsed.senders > parsed.clients || parsed.rate <= 0)) {
    fail("need 1 <= --senders <= --clients and --rate > 0");
  }
  const host = new URL(parsed.url).hostname;
  if (!parsed.allowRemote && !["127.0.0.1", "localhost", "[::1]"].includes(host)) {
    fail(`${host} is not loopback; pass --allow-remote to load another machine`);
  }
  return parsed;
}

function fail(message) {
  console.error(`generate: ${message}`);
  process.exit(2);
}
