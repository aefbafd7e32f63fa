// One official socket.io-client, remote-controlled by a Java test.
// Usage: node client.mjs <url-with-namespace> '<io() options as JSON>'
// Reads one JSON command per line on stdin, prints one JSON event per line on stdout.
// Binary values travel as {"$bytes": [..]} in both directions.
import { io } from "socket.io-client";
import { createInterface } from "node:readline";
import { toJson, fromJson } from "../bytes-json.mjs";

const [url, optionsJson] = process.argv.slice(2);
const print = (line) => console.log(JSON.stringify(line));

// Exit on our own if the Java side vanishes without telling us.
setTimeout(() => {
  print({ event: "failure", message: "no exit command within 60 s" });
  process.exit(1);
}, 60_000).unref();

const socket = io(url, JSON.parse(optionsJson));

socket.io.on("open", () => {
  print({ event: "open", transport: socket.io.engine.transport.name });
  socket.io.engine.once("upgrade", (transport) => print({ event: "upgrade", transport: transport.name }));
});
socket.on("connect", () => print({ event: "connect", id: socket.id, recovered: socket.recovered }));
socket.on("connect_error", (error) => print({ event: "connect_error", message: error.message, data: error.data ?? null }));
socket.on("disconnect", (reason) => print({ event: "disconnect", reason }));

// Every server event is printed; an event that asks for an ack gets its own arguments back,
// except "no-ack", which lets the server's ack timeout fire.
socket.onAny((name, ...args) => {
  const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
  print({ event: "on", name, args: toJson(args), wantsAck: ack !== null });
  if (ack && name !== "no-ack") ack(...args);
});

const commands = {
  emit: ({ name, args }) => socket.emit(name, ...fromJson(args)),
  emitWithAck: async ({ name, args }) => {
    const reply = await socket.timeout(10_000).emitWithAck(name, ...fromJson(args));
    print({ event: "ack", name, args: toJson([reply]) });
  },
  closeTransport: () => socket.io.engine.close(),
  connect: () => socket.connect(),
  disconnect: () => socket.disconnect(),
  exit: () => {
    socket.disconnect();
    process.exit(0);
  },
};

createInterface({ input: process.stdin }).on("line", (line) => {
  const command = JSON.parse(line);
  Promise.resolve(commands[command.cmd](command)).catch((error) =>
    print({ event: "failure", message: `${command.cmd}: ${error.message}` }));
});
