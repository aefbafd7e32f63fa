// Drives the official engine.io-client against a server, for the Java integration tests.
// Usage: node peer.mjs <scenario> <http-url> [argument]; prints one JSON object per line.
import { Socket } from "engine.io-client";

const [scenario, url, argument] = process.argv.slice(2);
const print = (event) => console.log(JSON.stringify(event));
const fail = (message) => {
  print({ event: "failure", message });
  process.exit(1);
};
setTimeout(() => fail(`scenario ${scenario} did not finish in time`), 20_000).unref();

const transportsOf = {
  polling: ["polling"],
  websocket: ["websocket"],
  upgrade: ["polling", "websocket"],
};

function open(transports) {
  const socket = new Socket(url, { path: "/engine.io/", transports, upgrade: transports.length > 1 });
  socket.on("error", (error) => print({ event: "error", message: String(error) }));
  socket.on("close", (reason) => print({ event: "close", reason }));
  return socket;
}

function describe(data) {
  return typeof data === "string"
    ? { event: "message", text: data }
    : { event: "message", binary: Array.from(new Uint8Array(data)) };
}

// Echo: one text and one binary message, both must come back unchanged.
function echo(transports) {
  const socket = open(transports);
  let received = 0;
  socket.on("open", () => {
    print({ event: "open", transport: socket.transport.name });
    socket.send("héllo ☃");
    socket.send(Uint8Array.from([1, 2, 3, 255]));
  });
  socket.on("message", (data) => {
    print({ ...describe(data), transport: socket.transport.name });
    if (++received === 2) {
      socket.close();
    }
  });
}

// Upgrade: start on polling, move to WebSocket, then echo over the new transport.
function upgrade() {
  const socket = open(transportsOf.upgrade);
  socket.on("open", () => print({ event: "open", transport: socket.transport.name }));
  socket.on("upgrade", (transport) => {
    print({ event: "upgrade", transport: transport.name });
    socket.send("after upgrade");
  });
  socket.on("message", (data) => {
    print({ ...describe(data), transport: socket.transport.name });
    socket.close();
  });
}

// Large: a message of the given size must come back whole.
function large(transports, size) {
  const socket = open(transports);
  const text = "x".repeat(size);
  socket.on("open", () => socket.send(text));
  socket.on("message", (data) => {
    print({ event: "message", length: data.length, intact: data === text });
    socket.close();
  });
}

// Idle: stay connected, answering the server's pings, for the given time.
function idle(transports, millis) {
  const socket = open(transports);
  let pings = 0;
  socket.on("ping", () => pings++);
  socket.on("open", () => {
    setTimeout(() => {
      print({ event: "idle", pings, state: socket.readyState });
      socket.close();
    }, millis);
  });
}

// Hang: connect, say so, then wait to be killed (a client that vanishes).
function hang(transports) {
  const socket = open(transports);
  socket.on("open", () => print({ event: "open", sid: socket.id, transport: socket.transport.name }));
}

const size = Number(argument ?? 0);
switch (scenario) {
  case "echo-polling": echo(transportsOf.polling); break;
  case "echo-websocket": echo(transportsOf.websocket); break;
  case "upgrade": upgrade(); break;
  case "large-polling": large(transportsOf.polling, size); break;
  case "large-websocket": large(transportsOf.websocket, size); break;
  case "idle-polling": idle(transportsOf.polling, size); break;
  case "idle-websocket": idle(transportsOf.websocket, size); break;
  case "hang-polling": hang(transportsOf.polling); break;
  case "hang-websocket": hang(transportsOf.websocket); break;
  default: fail(`unknown scenario ${scenario}`);
}
