// Drives the classroom chat with the official socket.io-client and prints one JSON object of
// what it observed; ChatWithOfficialClientTest asserts on it.
// Usage: node chat-events.mjs URL TEACHER_TOKEN
import { io } from "socket.io-client";

const [url, token] = process.argv.slice(2);
const TIMEOUT_MS = 5000;

/** Resolves once the chat has welcomed the socket, the first event it sends after CONNECT. */
function connect(auth) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth, transports: ["websocket"], reconnection: false, timeout: TIMEOUT_MS });
    socket.once("welcome", (welcome) => {
      socket.welcome = welcome;
      resolve(socket);
    });
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

function call(socket, event, ...args) {
  return socket.timeout(TIMEOUT_MS).emitWithAck(event, ...args);
}

/** The next `event` on `socket`, or a rejection after the timeout: no wait here is unbounded. */
function next(socket, event) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no " + event + " within " + TIMEOUT_MS + " ms")), TIMEOUT_MS);
    socket.once(event, (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

function collect(socket, event) {
  const seen = [];
  socket.on(event, (payload) => seen.push(payload));
  return seen;
}

const result = {};
const ann = await connect({ name: "ann" });
const bob = await connect({ name: "bob" });
const carol = await connect({ name: "carol" });
const bobChats = collect(bob, "chat");
const carolChats = collect(carol, "chat");
const annNotices = collect(ann, "notice");

await call(ann, "join", "lobby", null);
await call(bob, "join", "lobby", null);
await call(carol, "join", "physics", null);

const bobGotIt = next(bob, "chat");
result.firstAck = await call(ann, "message", { room: "lobby", clientId: "ann-1", text: "hello <b>bob</b>" });
result.bobReceived = await bobGotIt;
result.retryAck = await call(ann, "message", { room: "lobby", clientId: "ann-1", text: "hello <b>bob</b>" });
result.secondAck = await call(ann, "message", { room: "lobby", clientId: "ann-2", text: "second" });
await call(bob, "rooms").catch(() => null);

// Everything after the first message, as a page that reconnects with offset 1 would ask.
result.catchUp = await call(bob, "join", "lobby", result.firstAck.offset);
result.notJoined = await call(carol, "message", { room: "lobby", clientId: "c-1", text: "sneaky" });
result.badRoom = await call(ann, "join", "No Such/Room", null);
result.tooLong = await call(ann, "message", { room: "lobby", clientId: "ann-long", text: "x".repeat(501) });
result.notTeacher = await call(bob, "clear", "lobby");

const flood = [];
for (let i = 0; i < 12; i++) {
  flood.push(call(ann, "message", { room: "lobby", clientId: "flood-" + i, text: "flood " + i }));
}
result.flood = await Promise.all(flood);

result.badName = await connect({ name: "<script>" }).then((s) => { s.close(); return "accepted"; },
  (error) => error.message);
result.badToken = await connect({ name: "eve", token: "guess" }).then((s) => { s.close(); return "accepted"; },
  (error) => error.message);

const whisper = next(carol, "private");
result.privateAck = await call(bob, "private", { to: "carol", clientId: "bob-psst-1", text: "psst" });
result.carolPrivate = await whisper;

const teacher = await connect({ name: "teacher", token });
const bobCleared = next(bob, "cleared");
const carolMuted = next(carol, "muted");
const carolKicked = next(carol, "kicked");
const carolGone = next(carol, "disconnect");
result.teacherWelcome = teacher.welcome;
result.clearAck = await call(teacher, "clear", "lobby");
result.bobCleared = await bobCleared;
result.afterClear = await call(bob, "join", "lobby", null);
result.muteAck = await call(teacher, "mute", carol.id, true);
result.carolMuted = await carolMuted;
result.mutedMessage = await call(carol, "message", { room: "physics", clientId: "c-2", text: "hi" });
result.kickAck = await call(teacher, "kick", carol.id);
result.carolKickedBy = await carolKicked;
result.carolDisconnectReason = await carolGone;
teacher.close();

result.bobChatTexts = bobChats.map((m) => m.text);
result.carolChatCount = carolChats.length;
result.annNotices = annNotices.map((n) => n.text);

for (const socket of [ann, bob, carol]) socket.close();
console.log(JSON.stringify(result));
