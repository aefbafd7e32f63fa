// The classroom chat page. Everything a person typed is put on the page with textContent, never
// as HTML, so "<img src=x onerror=alert(1)>" shows up as those characters and runs nothing.
import { SocketIoClient } from "./socketio-client.js";

const NAME = /^[\p{L}\p{N}_.\- ]{1,24}$/u;
const ROOM = /^[a-z0-9_-]{1,32}$/;
const WIRE_ROWS = 400;
const TYPING_SHOWN_MS = 3000;
const TYPING_SENT_EVERY_MS = 1500;
const RETRY_EVERY_MS = 3000;
const ACK_TIMEOUT_MS = 5000;
const MAX_CATCH_UP_ROUNDS = 20;

const $ = (id) => document.getElementById(id);

/** Per-room state: what was seen (by offset), so a message is shown once however often it comes. */
class Room {
  constructor(name, lastOffset = 0) {
    this.name = name;
    this.lastOffset = lastOffset;
    this.seen = new Set();
    this.items = [];
  }
}

const saved = JSON.parse(localStorage.getItem("wirelab.chat") ?? "{}");
const state = {
  name: saved.name ?? "",
  rooms: new Map(Object.entries(saved.offsets ?? { lobby: 0 }).map(([n, o]) => [n, new Room(n, o)])),
  current: saved.current ?? "lobby",
  members: [],
  outbox: new Map(),
  teacher: false,
  privateTo: null,
  typing: new Map(),
  everConnected: false,
  maxLength: 500,
};
let socket;

function save() {
  const offsets = Object.fromEntries([...state.rooms.values()].map((r) => [r.name, r.lastOffset]));
  localStorage.setItem("wirelab.chat", JSON.stringify({ name: state.name, offsets, current: state.current }));
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function clockTime(millis) {
  const time = el("time", "", new Date(millis).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }));
  time.dateTime = new Date(millis).toISOString();
  return time;
}

// ---------------------------------------------------------------- connecting

function start(name, token) {
  state.name = name;
  save();
  socket = new SocketIoClient({ auth: { name, token }, onWire: showWire });
  socket.on("connect", onConnect);
  socket.on("disconnect", () => setStatus("offline", socket.held ? "offline (by choice)" : "offline — reconnecting…"));
  socket.on("reconnecting", ({ attempt, delayMs }) =>
    setStatus("connecting", `reconnecting (try ${attempt}, in ${(delayMs / 1000).toFixed(1)} s)`));
  socket.on("connect_error", (error) => {
    $("login-error").textContent = error?.message ?? "the server refused the connection";
    $("login").hidden = false;
    $("chat").hidden = true;
    setStatus("offline", "offline");
  });
  socket.on("welcome", onWelcome);
  socket.on("chat", (message) => addMessage(message, false));
  socket.on("notice", addNotice);
  socket.on("rooms", showRooms);
  socket.on("members", onMembers);
  socket.on("typing", onTyping);
  socket.on("private", onPrivate);
  socket.on("cleared", onCleared);
  socket.on("kicked", (by) => {
    banner(`You were removed from the chat by ${by}.`);
    socket.disconnect();
    setStatus("offline", "removed");
  });
  socket.on("muted", (muted) => banner(muted ? "The teacher muted you." : "You may write again."));
  setStatus("connecting", "connecting…");
  socket.connect();
}

function onWelcome(info) {
  state.teacher = info.teacher;
  state.maxLength = info.maxLength;
  $("me").textContent = info.teacher ? `${info.name} (teacher)` : info.name;
  for (const node of document.querySelectorAll(".teacher-only")) node.hidden = !info.teacher;
}

/** After every (re)connection: join our rooms again, asking each for what came after our offset. */
async function onConnect() {
  const reconnect = state.everConnected;
  state.everConnected = true;
  setStatus("online", "online");
  $("login").hidden = true;
  $("chat").hidden = false;
  if (!state.rooms.has(state.current)) state.current = "lobby";
  if (!state.rooms.has("lobby")) state.rooms.set("lobby", new Room("lobby"));
  const results = await Promise.all([...state.rooms.keys()].map((name) => joinRoom(name)));
  const missed = results.reduce((sum, count) => sum + count, 0);
  const messages = `${missed} message${missed === 1 ? "" : "s"}`;
  if (reconnect) {
    banner(missed === 0 ? "Reconnected; you missed nothing." : `Reconnected; you missed ${messages} (shown below).`);
  } else if (missed > 0) {
    banner(`${messages} since you were last here.`);
  }
  render();
  flushOutbox();
}

/**
 * Joins a room and adds its history. A page that already shows the room asks only for what came
 * after its last offset; a freshly loaded page asks for the recent history. Resolves to how many
 * of those messages are newer than the last one this browser had seen: the ones it missed.
 */
async function joinRoom(name) {
  const room = state.rooms.get(name) ?? new Room(name);
  state.rooms.set(name, room);
  let lastSeen = room.lastOffset;
  let after = room.seen.size > 0 ? room.lastOffset : null;
  let missed = 0;
  // The server answers at most a thousand messages at a time and says when there are more.
  for (let round = 0; round < MAX_CATCH_UP_ROUNDS; round++) {
    const reply = await socket.emitWithAck("join", ACK_TIMEOUT_MS, name, after)
      .catch((error) => ({ error: error.message }));
    if (reply.error) {
      banner(`Could not join ${name}: ${reply.error}`);
      if (room.seen.size === 0) state.rooms.delete(name);
      return missed;
    }
    if (reply.last < room.lastOffset) {
      // The server's history is younger than what this page saw (a new history file): start over.
      Object.assign(room, new Room(name));
      lastSeen = 0;
      after = null;
      continue;
    }
    for (const message of reply.history) {
      if (addMessage(message, true) && lastSeen > 0 && message.offset > lastSeen) missed++;
    }
    if (!reply.more) break;
    after = room.lastOffset;
  }
  save();
  return missed;
}

// ---------------------------------------------------------------- messages

/** Adds a chat message once (by offset); returns whether it was new. */
function addMessage(message, quiet) {
  const room = state.rooms.get(message.room);
  if (!room || room.seen.has(message.offset)) return false;
  room.seen.add(message.offset);
  room.lastOffset = Math.max(room.lastOffset, message.offset);
  const pending = state.outbox.get(message.clientId);
  if (pending && pending.room === message.room) state.outbox.delete(message.clientId);
  room.items = room.items.filter((item) => item.clientId !== message.clientId || item.offset);
  const at = room.items.findIndex((item) => item.offset > message.offset);
  room.items.splice(at < 0 ? room.items.length : at, 0, { kind: "chat", ...message });
  save();
  if (!quiet) render();
  return true;
}

function addNotice(notice) {
  const room = state.rooms.get(notice.room);
  if (!room) return;
  room.items.push({ kind: "notice", text: notice.text, at: notice.at });
  render();
}

function onPrivate(message) {
  const room = state.rooms.get(state.current);
  const label = message.fromId === socket.id ? `to ${message.toName}` : `from ${message.from}`;
  room.items.push({ kind: "private", sender: `${label} (private)`, text: message.text, at: message.at });
  render();
}

function onCleared({ room, by }) {
  const cleared = state.rooms.get(room);
  if (!cleared) return;
  cleared.items = [{ kind: "notice", text: `${by} cleared this room.`, at: Date.now() }];
  render();
}

/** Queues a message with a fresh client id and sends it until the server acknowledges storing it. */
function send(text) {
  if (state.privateTo) {
    socket.emit("private", { to: state.privateTo.id, text }, (reply) => {
      $("send-error").textContent = reply?.error ?? "";
    });
    return;
  }
  const clientId = crypto.randomUUID();
  const item = { kind: "chat", clientId, room: state.current, sender: state.name, text, at: Date.now(),
    status: "pending" };
  state.outbox.set(clientId, item);
  state.rooms.get(state.current).items.push(item);
  render();
  transmit(item);
}

function transmit(item) {
  socket.emit("message", { room: item.room, clientId: item.clientId, text: item.text }, (reply) => {
    if (reply?.ok) {
      // Stored: stop retrying. The room's copy (with its offset) replaces this one when it comes.
      state.outbox.delete(item.clientId);
      $("send-error").textContent = "";
      render();
      return;
    }
    $("send-error").textContent = reply?.error ?? "no answer from the server";
    if (!reply?.retry && reply?.error !== "disconnected" && reply?.error !== "not connected") {
      state.outbox.delete(item.clientId);
      item.status = "failed";
      render();
    }
  });
}

/** Anything not yet acknowledged is sent again; the server stores each client id once. */
function flushOutbox() {
  for (const item of state.outbox.values()) transmit(item);
}

setInterval(() => socket?.connected && flushOutbox(), RETRY_EVERY_MS);

// ---------------------------------------------------------------- rooms, members, typing

function showRooms(rooms) {
  const list = $("rooms");
  list.replaceChildren();
  const names = new Set(rooms.map((r) => r.name));
  for (const name of state.rooms.keys()) if (!names.has(name)) rooms.push({ name, members: 0 });
  rooms.sort((a, b) => a.name.localeCompare(b.name));
  for (const { name, members } of rooms) {
    const li = el("li");
    const button = el("button", "room" + (name === state.current ? " current" : ""), name);
    button.type = "button";
    button.dataset.room = name;
    button.addEventListener("click", () => switchRoom(name));
    li.append(button, el("span", "count", String(members)));
    list.append(li);
  }
}

async function switchRoom(name) {
  if (!state.rooms.has(name)) {
    await joinRoom(name);
  }
  if (state.rooms.has(name)) {
    state.current = name;
    save();
    socket.emit("members", name);
    render();
  }
}

function onMembers({ room, members }) {
  if (room !== state.current) return;
  state.members = members;
  renderMembers();
}

function renderMembers() {
  $("members-room").textContent = state.current;
  const list = $("members");
  list.replaceChildren();
  for (const member of state.members) {
    const li = el("li");
    const name = el("span", "member", member.name + (member.id === socket.id ? " (you)" : ""));
    li.append(name);
    if (member.muted) li.append(el("span", "muted", "muted"));
    if (member.id !== socket.id) {
      const whisper = el("button", "small", "private");
      whisper.type = "button";
      whisper.addEventListener("click", () => setPrivateTo(member));
      li.append(whisper);
      if (state.teacher) {
        li.append(teacherButton(member.muted ? "unmute" : "mute", () => socket.emit("mute", member.id, !member.muted, report)));
        li.append(teacherButton("kick", () => socket.emit("kick", member.id, report)));
      }
    }
    list.append(li);
  }
}

function teacherButton(label, action) {
  const button = el("button", "small", label);
  button.type = "button";
  button.addEventListener("click", action);
  return button;
}

function report(reply) {
  $("send-error").textContent = reply?.error ?? "";
}

function setPrivateTo(member) {
  state.privateTo = member;
  const tag = $("private-to");
  tag.textContent = member ? `to ${member.name} only ✕` : "";
  tag.hidden = !member;
}

function onTyping({ room, name }) {
  clearTimeout(state.typing.get(name)?.timer);
  const timer = setTimeout(() => {
    state.typing.delete(name);
    renderTyping();
  }, TYPING_SHOWN_MS);
  state.typing.set(name, { room, timer });
  renderTyping();
}

function renderTyping() {
  const names = [...state.typing].filter(([, t]) => t.room === state.current).map(([n]) => n);
  $("typing").textContent = names.length === 0 ? ""
    : names.join(", ") + (names.length === 1 ? " is typing…" : " are typing…");
}

// ---------------------------------------------------------------- drawing

function render() {
  const room = state.rooms.get(state.current);
  $("room-title").textContent = "# " + state.current;
  const list = $("messages");
  list.replaceChildren(...room.items.map(renderItem));
  list.scrollTop = list.scrollHeight;
  for (const button of document.querySelectorAll("#rooms button.room")) {
    button.classList.toggle("current", button.dataset.room === state.current);
  }
  renderTyping();
}

function renderItem(item) {
  const li = el("li", item.kind);
  if (item.status === "pending" && state.outbox.has(item.clientId)) li.classList.add("pending");
  if (item.status === "failed") li.classList.add("failed");
  if (item.offset) li.dataset.offset = item.offset;
  li.append(clockTime(item.at));
  if (item.kind !== "notice") li.append(el("span", "sender", item.sender));
  li.append(el("span", "text", item.text));
  return li;
}

function banner(text) {
  $("banner").textContent = text;
}

function setStatus(kind, text) {
  const status = $("status");
  status.className = "status " + kind;
  status.textContent = text;
}

function showWire(frame) {
  const row = el("tr", frame.direction);
  row.append(
    el("td", "", frame.at.toLocaleTimeString([], { hour12: false })),
    el("td", "dir", frame.direction === "in" ? "⬇ in" : "⬆ out"),
    el("td", "", frame.engine ?? ""),
    el("td", "", frame.socket ?? ""),
    el("td", "", frame.socket ? frame.nsp ?? "/" : ""),
    el("td", "", frame.event ?? (frame.id !== undefined ? `ack ${frame.id}` : "")),
    el("td", "raw", frame.raw));
  const rows = $("wire-rows");
  rows.prepend(row);
  while (rows.childElementCount > WIRE_ROWS) rows.lastElementChild.remove();
}

// ---------------------------------------------------------------- wiring up the page

$("name").value = state.name;
$("token").value = new URLSearchParams(location.hash.slice(1)).get("teacher") ?? "";

$("login").addEventListener("submit", (event) => {
  event.preventDefault();
  const name = $("name").value.trim();
  if (!NAME.test(name)) {
    $("login-error").textContent = "Use 1 to 24 letters, digits, spaces, - _ or .";
    return;
  }
  $("login-error").textContent = "";
  start(name, $("token").value.trim() || undefined);
});

$("room-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const name = $("room-name").value.trim().toLowerCase();
  if (!ROOM.test(name)) {
    banner("Room names: 1 to 32 of a-z, 0-9, - and _.");
    return;
  }
  $("room-name").value = "";
  switchRoom(name);
});

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("text").value;
  if (text.trim() === "") return;
  if (text.length > state.maxLength) {
    $("send-error").textContent = `Too long: at most ${state.maxLength} characters.`;
    return;
  }
  $("text").value = "";
  send(text);
});

let lastTypingSent = 0;
$("text").addEventListener("input", () => {
  if (Date.now() - lastTypingSent > TYPING_SENT_EVERY_MS && socket?.connected) {
    lastTypingSent = Date.now();
    socket.emit("typing", state.current);
  }
});

$("private-to").addEventListener("click", () => setPrivateTo(null));

$("leave").addEventListener("click", () => {
  if (state.current === "lobby") {
    banner("Everyone stays in the lobby; switch to another room instead.");
    return;
  }
  const leaving = state.current;
  socket.emit("leave", leaving, () => {});
  state.rooms.delete(leaving);
  state.current = "lobby";
  save();
  socket.emit("rooms");
  switchRoom("lobby");
});

$("clear").addEventListener("click", () => socket.emit("clear", state.current, report));

$("wire-toggle").addEventListener("click", () => {
  const wire = $("wire");
  wire.hidden = !wire.hidden;
  $("wire-toggle").setAttribute("aria-pressed", String(!wire.hidden));
  $("chat").classList.toggle("with-wire", !wire.hidden);
});
$("wire-clear").addEventListener("click", () => $("wire-rows").replaceChildren());
$("drop").addEventListener("click", () => socket?.dropTransport());
$("offline").addEventListener("click", () => {
  const button = $("offline");
  const goingOffline = button.getAttribute("aria-pressed") !== "true";
  button.setAttribute("aria-pressed", String(goingOffline));
  button.textContent = goingOffline ? "Go online" : "Go offline";
  if (goingOffline) {
    socket?.goOffline();
    setStatus("offline", "offline (by choice)");
  } else {
    socket?.goOnline();
    setStatus("connecting", "connecting…");
  }
});
