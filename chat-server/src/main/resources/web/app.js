// The classroom chat page. Everything a person typed is put on the page with textContent, never
// as HTML, so "<img src=x onerror=alert(1)>" shows up as those characters and runs nothing.
//
// The message list costs the same per message however long the lesson: a new message is appended
// (never a redraw of the list), at most one layout per frame, and the list keeps a bounded number
// of rows in the DOM; older ones come back with "Load earlier messages" or by scrolling up.
import { SocketIoClient } from "./socketio-client.js";

const NAME = /^[\p{L}\p{N}_.\- ]{1,24}$/u;
const ROOM = /^[a-z0-9_-]{1,32}$/;
const LOBBY = "lobby";
/** Rows shown when a conversation opens, and how many more "Load earlier" adds. */
const PAGE = 50;
/** The most message rows kept in the DOM; past it the oldest go, in steps of PAGE. */
const MAX_ROWS = 200;
const WIRE_KEPT = 1000;
const WIRE_ROWS = 500;
const TYPING_SHOWN_MS = 3000;
const TYPING_SENT_EVERY_MS = 1500;
const RETRY_LATER_MS = 600;
const ACK_TIMEOUT_MS = 5000;
const MAX_CATCH_UP_ROUNDS = 20;
const GROUP_WITHIN_MS = 5 * 60 * 1000;
const AT_BOTTOM_PX = 48;
const TITLE = "Wirelab classroom chat";
const STORE_KEY = "wirelab.chat";

const $ = (id) => document.getElementById(id);

/**
 * A room or a private thread: its messages in order (by offset for rooms), what was seen, and
 * which slice of it the DOM shows (items[start] up to items[end - 1]) when it is the open one.
 */
class Conversation {
  constructor(key, lastOffset = 0) {
    this.key = key;
    this.isThread = key.startsWith("@");
    this.lastOffset = lastOffset;
    this.seen = new Set();
    this.items = [];
    this.unread = 0;
    this.start = 0;
    this.end = 0;
    this.olderOnServer = false;
  }

  get label() {
    return this.isThread ? this.key.slice(1) : "# " + this.key;
  }
}

// ---------------------------------------------------------------- state kept in this browser

const saved = readSaved();
const state = {
  name: saved.name ?? "",
  conversations: new Map(),
  current: saved.current ?? LOBBY,
  members: [],
  teachers: new Set(),
  roomMembers: new Map(),
  outbox: saved.outbox ?? [],
  sending: false,
  /** Set while the server has asked us to wait: new messages queue behind it, not past it. */
  retryTimer: null,
  teacher: false,
  muted: false,
  kicked: null,
  typing: new Map(),
  everConnected: false,
  maxLength: 500,
  atBottom: true,
  newBelow: 0,
};
for (const [room, offset] of Object.entries(saved.offsets ?? { [LOBBY]: 0 })) {
  state.conversations.set(room, new Conversation(room, offset));
}
let socket;

function readSaved() {
  try {
    return JSON.parse(localStorage.getItem(STORE_KEY) ?? "{}");
  } catch (error) {
    console.warn("ignoring unreadable saved chat state:", error.message);
    return {};
  }
}

/**
 * Writes what must outlive a reload: the outbox above all, then the rooms' offsets and the open
 * conversation. Private conversations are not kept here: the server stores them with the rooms.
 */
function save() {
  clearTimeout(save.timer);
  save.timer = undefined;
  const offsets = {};
  for (const conversation of state.conversations.values()) {
    if (!conversation.isThread) offsets[conversation.key] = conversation.lastOffset;
  }
  localStorage.setItem(STORE_KEY, JSON.stringify({ name: state.name, offsets,
    current: state.current, outbox: state.outbox }));
}

/**
 * Who this browser is to the server, beyond a name: a reload replaces its own old session, and
 * only this browser reads the private conversations begun under its name. Never shown to others.
 */
function identity() {
  let id = localStorage.getItem("wirelab.identity");
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem("wirelab.identity", id);
  }
  return id;
}

/** Offsets move with every message; writing them once a moment is plenty. */
function saveSoon() {
  save.timer ??= setTimeout(save, 500);
}

function conversation(key) {
  let found = state.conversations.get(key);
  if (!found) {
    found = new Conversation(key);
    state.conversations.set(key, found);
  }
  return found;
}

const currentConversation = () => conversation(state.current);

// ---------------------------------------------------------------- small DOM helpers

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(label, className, action, ariaLabel) {
  const node = el("button", className, label);
  node.type = "button";
  if (ariaLabel) node.setAttribute("aria-label", ariaLabel);
  node.addEventListener("click", action);
  return node;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: "long", day: "numeric", month: "long",
  year: "numeric" });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "medium" });

function clockTime(millis) {
  const time = el("time", "", timeFormat.format(millis));
  time.dateTime = new Date(millis).toISOString();
  time.title = fullFormat.format(millis);
  return time;
}

const dayOf = (millis) => new Date(millis).toDateString();

function initials(name) {
  const words = name.trim().split(/[\s._-]+/u).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]].map((w) => [...w][0])
    : [...(words[0] ?? "?")].slice(0, 2);
  return letters.join("").toLocaleUpperCase();
}

/** A colour per person, dark enough for white initials (contrast above 4.5:1). */
function hue(name) {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)) >>> 0;
  return hash % 360;
}

// ---------------------------------------------------------------- connecting

function start(name, token) {
  state.name = name;
  sessionStorage.setItem("wirelab.entered", "yes");
  save();
  const auth = { name, identity: identity() };
  if (token) auth.token = token;
  socket = new SocketIoClient({ auth, onWire: recordWire });
  socket.on("connect", onConnect);
  socket.on("disconnect", onDisconnect);
  socket.on("reconnecting", ({ attempt, delayMs }) => {
    if (state.kicked) return;
    setStatus("connecting", `reconnecting (try ${attempt}, in ${(delayMs / 1000).toFixed(1)} s)`);
    showConnection();
  });
  socket.on("upgrade", () => showTransport());
  socket.on("connect_error", (error) => {
    sessionStorage.removeItem("wirelab.entered");
    $("login-error").textContent = error?.message ?? "the server refused the connection";
    showScreen("login");
    setStatus("idle", "not connected");
  });
  socket.on("welcome", onWelcome);
  socket.on("chat", onChat);
  socket.on("notice", addNotice);
  socket.on("rooms", showRooms);
  socket.on("members", onMembers);
  socket.on("typing", onTyping);
  socket.on("private", onPrivate);
  socket.on("cleared", onCleared);
  socket.on("kicked", onKicked);
  socket.on("muted", (muted) => setMuted(muted, true));
  setStatus("connecting", "connecting…");
  socket.connect();
}

function onWelcome(info) {
  state.teacher = info.teacher;
  state.maxLength = info.maxLength;
  $("me").textContent = info.name;
  $("me").classList.toggle("is-teacher", info.teacher);
  $("me").title = info.teacher ? "you are the teacher" : "your name";
  if (info.teacher) state.teachers.add(info.name);
  for (const node of document.querySelectorAll(".teacher-only")) node.hidden = !info.teacher;
  if (info.muted !== undefined) setMuted(info.muted, false);
  $("text").maxLength = info.maxLength;
}

/** After every (re)connection: join our rooms again, asking each for what came after our offset. */
async function onConnect() {
  const reconnect = state.everConnected;
  state.everConnected = true;
  setStatus("online", "online");
  showTransport();
  showConnection();
  announce(reconnect ? "Back online." : "Connected.");
  showScreen("chat");
  conversation(LOBBY);
  await listThreads();
  if (!state.conversations.has(state.current)) state.current = LOBBY;
  const all = [...state.conversations.values()];
  // Rooms at once (at most ten), then the private conversations one by one: the server queues at
  // most ten reads per page.
  const results = await Promise.all(all.filter((c) => !c.isThread).map((c) => joinRoom(c.key)));
  for (const thread of all.filter((c) => c.isThread)) results.push(await joinRoom(thread.key));
  const missed = results.reduce((sum, count) => sum + count, 0);
  const messages = `${missed} message${missed === 1 ? "" : "s"}`;
  if (reconnect) {
    banner(missed === 0 ? "Reconnected; you missed nothing." : `Reconnected; you missed ${messages} (shown below).`);
  } else if (missed > 0) {
    banner(`${messages} since you were last here.`);
  }
  openConversation(state.current);
  pumpOutbox();
}

function onDisconnect(reason) {
  if (state.kicked) return;
  if (reason === "io server disconnect") {
    setStatus("offline", "disconnected by the server");
  } else {
    setStatus("offline", socket.held ? "offline (by choice)" : "offline — reconnecting…");
  }
  announce("Connection lost.");
  showConnection();
}

function onKicked(by) {
  state.kicked = by;
  sessionStorage.removeItem("wirelab.entered");
  setStatus("offline", "removed");
  showConnection();
  updateComposer();
  announce(`You were removed from the chat by ${by}.`);
  socket.disconnect();
}

function setMuted(muted, tell) {
  if (state.muted === muted) return;
  state.muted = muted;
  updateComposer();
  if (tell) banner(muted ? "The teacher muted you." : "You may write again.");
  if (!muted) pumpOutbox();
}

/** The private conversations the server keeps for us: after a reload they are all there again. */
async function listThreads() {
  const reply = await socket.emitWithAck("threads", ACK_TIMEOUT_MS)
    .catch((error) => ({ error: error.message }));
  if (reply.error) {
    banner(`Could not list your private conversations: ${reply.error}`);
    return;
  }
  for (const thread of reply.threads) {
    conversation("@" + thread.with);
    if (thread.teacher) state.teachers.add(thread.with);
  }
}

/**
 * Joins a room, or opens a private conversation ("@name"), and adds its history. A page that
 * already shows it asks only for what came after its last offset; a freshly loaded page asks for
 * the recent history. Resolves to how many of those messages are newer than the last one this
 * browser had seen: the ones it missed.
 */
async function joinRoom(key) {
  const room = conversation(key);
  let lastSeen = room.lastOffset;
  let after = room.seen.size > 0 ? room.lastOffset : null;
  let missed = 0;
  const [event, name] = room.isThread ? ["thread", key.slice(1)] : ["join", key];
  // The server answers at most a thousand messages at a time and says when there are more.
  for (let round = 0; round < MAX_CATCH_UP_ROUNDS; round++) {
    const reply = await socket.emitWithAck(event, ACK_TIMEOUT_MS, name, after)
      .catch((error) => ({ error: error.message }));
    if (reply.error) {
      banner(`Could not open ${room.label}: ${reply.error}`);
      if (room.seen.size === 0 && key !== LOBBY && !room.isThread) state.conversations.delete(key);
      return missed;
    }
    if (reply.last < room.lastOffset) {
      // The server's history is younger than what this page saw (a new history file): start over.
      Object.assign(room, new Conversation(key));
      // Rows queued for the next frame point into the old list.
      if (key === state.current) arrivals.length = 0;
      lastSeen = 0;
      after = null;
      continue;
    }
    if (after === null) room.olderOnServer = reply.history.length > 0 && reply.history[0].offset > 1;
    for (const message of reply.history) {
      if (storeMessage(room, message) >= 0 && lastSeen > 0 && message.offset > lastSeen) {
        missed++;
        if (key !== state.current) room.unread++;
      }
    }
    if (!reply.more) break;
    after = room.lastOffset;
  }
  saveSoon();
  if (key === state.current) redrawWindow();
  scheduleSidebar();
  return missed;
}

// ---------------------------------------------------------------- messages arriving

/** Puts a message in its place by offset, once; returns its index, or -1 if already there. */
function storeMessage(room, message) {
  if (room.seen.has(message.offset)) return -1;
  room.seen.add(message.offset);
  room.lastOffset = Math.max(room.lastOffset, message.offset);
  dropFromOutbox(message.clientId);
  let at = room.items.length;
  while (at > 0 && room.items[at - 1].offset > message.offset) at--;
  room.items.splice(at, 0, { kind: "chat", ...message });
  if (at < room.start) {
    room.start++;
    room.end++;
  } else if (at < room.end && room.key === state.current) {
    redrawWindow();
  }
  return at;
}

function onChat(message) {
  const room = state.conversations.get(message.room);
  if (!room) return;
  const at = storeMessage(room, message);
  if (at < 0) return;
  saveSoon();
  stopTyping(message.sender, message.room);
  arrived(room, at, message.sender === state.name);
}

/** A new item at index `at` of a conversation: show it, or count it as unread. */
function arrived(conversation, at, mine) {
  const open = conversation.key === state.current && !$("chat").hidden;
  if (open) showArrival(conversation, at, mine);
  if (!mine && (!open || document.hidden)) {
    conversation.unread++;
    scheduleSidebar();
  }
  if (!mine && open) {
    const item = conversation.items[at];
    if (item.kind !== "notice") announceMessage(item);
  }
}

/** "ann joined", "bob left": the server's presence notices, which a class arriving floods. */
const PRESENCE = /^(.+) (joined|left)$/u;
const NOTICES_MERGED_WITHIN_MS = 60 * 1000;
/** A Wi-Fi drop and return within this time is neither "left" nor "joined". */
const LEFT_GRACE_MS = 8000;
const leaving = new Map();

function addNotice(notice) {
  const room = state.conversations.get(notice.room);
  if (!room) return;
  const presence = PRESENCE.exec(notice.text);
  const key = presence ? notice.room + "\n" + presence[1] : null;
  if (notice.afterGrace && state.roomMembers.get(notice.room)?.has(presence[1])) {
    // Back already (a reload: the new page joined before the server saw the old one go).
    return;
  }
  if (presence?.[2] === "left" && !notice.afterGrace) {
    clearTimeout(leaving.get(key));
    leaving.set(key, setTimeout(() => {
      leaving.delete(key);
      addNotice({ ...notice, afterGrace: true });
    }, LEFT_GRACE_MS));
    return;
  }
  if (presence?.[2] === "joined" && leaving.has(key)) {
    clearTimeout(leaving.get(key));
    leaving.delete(key);
    return;
  }
  const last = room.items[room.items.length - 1];
  if (presence && last?.people?.[presence[2]] && notice.at - last.at < NOTICES_MERGED_WITHIN_MS) {
    // One line for a wave of arrivals or departures: "ann, bob and 23 others joined".
    last.people[presence[2]].push(presence[1]);
    last.text = presenceText(last.people[presence[2]], presence[2]);
    const row = messages.lastElementChild;
    if (room.key === state.current && row?.itemRef === last) row.querySelector(".text").textContent = last.text;
    return;
  }
  const item = { kind: "notice", text: notice.text, at: notice.at };
  if (presence) item.people = { [presence[2]]: [presence[1]] };
  room.items.push(item);
  // A notice never pulls a reader down, and is not counted as a new message.
  if (room.key === state.current) showArrival(room, room.items.length - 1, false, false);
}

function presenceText(names, verb) {
  if (names.length <= 3) return names.slice(0, -1).join(", ") + " and " + names[names.length - 1] + " " + verb;
  return `${names.slice(0, 2).join(", ")} and ${names.length - 2} others ${verb}`;
}

/** A private message, ours or to us: stored by the server in the conversation with `with`. */
function onPrivate(message) {
  const thread = conversation("@" + message.with);
  if (message.teacher) state.teachers.add(message.sender);
  const at = storeMessage(thread, message);
  if (at < 0) return;
  stopTyping(message.sender, null);
  scheduleSidebar();
  arrived(thread, at, message.sender === state.name);
}

function onCleared({ room, by }) {
  const cleared = state.conversations.get(room);
  if (!cleared) return;
  cleared.items = [{ kind: "notice", text: `${by} cleared this room.`, at: Date.now() }];
  cleared.olderOnServer = false;
  if (room === state.current) redrawWindow();
}

// ---------------------------------------------------------------- the outbox

/**
 * Queues a message with a fresh client id. The outbox lives in localStorage, so a message typed
 * offline survives a reload, and it is sent one message at a time, so it arrives in typed order.
 */
function send(text) {
  const target = currentConversation();
  if (target.end < target.items.length) redrawWindow();
  const item = { clientId: crypto.randomUUID(), text, at: Date.now() };
  if (target.isThread) item.to = target.key.slice(1);
  else item.room = target.key;
  state.outbox.push(item);
  save();
  drawPending();
  scrollToBottom();
  showConnection();
  pumpOutbox();
}

function dropFromOutbox(clientId) {
  const index = state.outbox.findIndex((item) => item.clientId === clientId);
  if (index < 0) return;
  state.outbox.splice(index, 1);
  save();
  drawPending();
  showConnection();
}

/** Sends the oldest waiting message; the next goes only once the server acknowledged this one. */
async function pumpOutbox() {
  if (state.sending || state.retryTimer || state.muted || state.kicked || !socket?.connected) return;
  const item = state.outbox[0];
  if (!item) return;
  state.sending = true;
  const reply = await transmit(item).catch((error) => ({ error: error.message, retry: true }));
  state.sending = false;
  if (reply?.ok) {
    $("send-error").textContent = "";
    dropFromOutbox(item.clientId);
    pumpOutbox();
    return;
  }
  const error = reply?.error ?? "no answer from the server";
  if (error === "disconnected" || error === "not connected") return;
  if (reply?.retry) {
    $("send-error").textContent = error;
    state.retryTimer = setTimeout(() => {
      state.retryTimer = null;
      pumpOutbox();
    }, RETRY_LATER_MS);
    return;
  }
  // Refused for good (too long, muted, that person left): say so beside the message.
  item.failed = error;
  $("send-error").textContent = error;
  state.outbox.shift();
  save();
  markFailed(item);
  pumpOutbox();
}

function transmit(item) {
  if (item.to !== undefined) {
    return socket.emitWithAck("private", ACK_TIMEOUT_MS,
      { to: item.to, clientId: item.clientId, text: item.text });
  }
  return socket.emitWithAck("message", ACK_TIMEOUT_MS,
    { room: item.room, clientId: item.clientId, text: item.text });
}

// ---------------------------------------------------------------- drawing the conversation

const messages = $("messages");
const scroller = $("scroller");

/** Row(s) for one item: a day separator first when the day changes, and grouping with the last. */
function rowsFor(item, previous) {
  const rows = [];
  if (!previous || dayOf(previous.at) !== dayOf(item.at)) {
    rows.push(el("li", "day", dayFormat.format(item.at)));
    previous = null;
  }
  const li = el("li", item.kind);
  li.itemRef = item;
  if (item.offset) li.dataset.offset = item.offset;
  if (item.kind === "notice") {
    li.append(clockTime(item.at), el("span", "text", item.text));
    rows.push(li);
    return rows;
  }
  const grouped = previous?.kind === "chat" && previous.sender === item.sender
    && item.at - previous.at < GROUP_WITHIN_MS;
  const avatar = el("span", "avatar", grouped ? "" : initials(item.sender));
  avatar.setAttribute("aria-hidden", "true");
  if (!grouped) avatar.style.setProperty("--hue", hue(item.sender));
  const body = el("div", "body");
  if (grouped) {
    li.classList.add("grouped");
  } else {
    const meta = el("div", "meta");
    meta.append(el("span", "sender", item.sender));
    if (item.teacher || state.teachers.has(item.sender)) meta.append(el("span", "badge", "teacher"));
    meta.append(clockTime(item.at));
    body.append(meta);
  }
  const text = el("div", "text", item.text);
  if (grouped) text.title = fullFormat.format(item.at);
  body.append(text);
  li.append(avatar, body);
  rows.push(li);
  return rows;
}

function isAtBottom() {
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < AT_BOTTOM_PX;
}

scroller.addEventListener("scroll", () => {
  state.atBottom = isAtBottom();
  if (state.atBottom && currentConversation().end === currentConversation().items.length) {
    setNewBelow(0);
  }
  if (scroller.scrollTop < 40 && !$("earlier").hidden && !loadEarlier.busy) loadEarlier();
}, { passive: true });

function scrollToBottom() {
  scroller.scrollTop = scroller.scrollHeight;
  state.atBottom = true;
}

/** Rows waiting to be put on screen at the next frame: many messages, one layout. */
const arrivals = [];
let frameRequested = false;

function showArrival(conversation, at, mine, counts = true) {
  const tail = conversation.end === at;
  if (tail && (state.atBottom || mine || conversation.end - conversation.start < MAX_ROWS)) {
    conversation.end++;
    arrivals.push({ conversation, at, mine });
    requestFrame();
  } else if (mine) {
    redrawWindow();
    return;
  }
  if (!mine && counts && !state.atBottom) setNewBelow(state.newBelow + 1);
}

function requestFrame() {
  if (frameRequested) return;
  frameRequested = true;
  // requestAnimationFrame waits for a visible tab; the timeout keeps a hidden one up to date.
  const timer = setTimeout(drawArrivals, 100);
  requestAnimationFrame(() => {
    clearTimeout(timer);
    drawArrivals();
  });
}

function drawArrivals() {
  if (!frameRequested) return;
  frameRequested = false;
  const batch = arrivals.splice(0)
    .filter((a) => a.conversation.key === state.current && a.conversation.items[a.at] !== undefined);
  if (batch.length === 0) return;
  const room = batch[0].conversation;
  const follow = state.atBottom || batch.some((a) => a.mine);
  const fragment = document.createDocumentFragment();
  for (const { at } of batch) fragment.append(...rowsFor(room.items[at], room.items[at - 1]));
  messages.append(fragment);
  if (follow) {
    trimTop(room);
    scrollToBottom();
  }
  $("empty").hidden = true;
  renderTyping();
}

/** Keeps the DOM bounded: past MAX_ROWS + PAGE rows, the oldest PAGE go (Load earlier brings them back). */
function trimTop(room) {
  if (room.end - room.start <= MAX_ROWS + PAGE) return;
  room.start = room.end - MAX_ROWS;
  const firstKept = room.items[room.start];
  while (messages.firstChild && messages.firstChild.itemRef !== firstKept) messages.firstChild.remove();
  // Drawn again on its own, so the first row shows its day and its sender.
  messages.firstChild?.replaceWith(...rowsFor(firstKept, null));
  updateEarlier(room);
}

function setNewBelow(count) {
  state.newBelow = count;
  const jump = $("jump");
  jump.hidden = count === 0;
  jump.textContent = count === 1 ? "1 new message ↓" : `${count} new messages ↓`;
}

/** Draws the open conversation's window from scratch: on opening it, never per message. */
function redrawWindow({ keepAnchor = false } = {}) {
  const room = currentConversation();
  if (!keepAnchor) {
    room.end = room.items.length;
    room.start = Math.max(0, room.end - PAGE);
  }
  arrivals.length = 0;
  const anchor = keepAnchor ? anchorOf() : null;
  const fragment = document.createDocumentFragment();
  for (let i = room.start; i < room.end; i++) {
    fragment.append(...rowsFor(room.items[i], i > room.start ? room.items[i - 1] : null));
  }
  messages.replaceChildren(fragment);
  $("empty").hidden = room.items.length > 0;
  updateEarlier(room);
  drawPending();
  if (anchor) restoreAnchor(anchor);
  else {
    scrollToBottom();
    setNewBelow(0);
  }
  renderTyping();
}

function anchorOf() {
  const first = [...messages.children].find((row) => row.offsetTop + row.offsetHeight > scroller.scrollTop);
  return first ? { item: first.itemRef, top: first.offsetTop - scroller.scrollTop } : null;
}

function restoreAnchor(anchor) {
  const row = [...messages.children].find((r) => r.itemRef === anchor.item);
  if (row) scroller.scrollTop = row.offsetTop - anchor.top;
  state.atBottom = isAtBottom();
}

function updateEarlier(room) {
  $("earlier").hidden = room.start === 0 && !room.olderOnServer;
}

/** Shows PAGE more older rows, from memory or, beyond what this page has, from the server. */
async function loadEarlier() {
  const room = currentConversation();
  loadEarlier.busy = true;
  try {
    if (room.start === 0 && room.olderOnServer) await fetchOlder(room);
    if (room.start === 0) return;
    room.start = Math.max(0, room.start - PAGE);
    room.end = Math.min(room.end, room.start + MAX_ROWS + PAGE);
    redrawWindow({ keepAnchor: true });
    if (room.end < room.items.length) setNewBelow(Math.max(state.newBelow, room.items.length - room.end));
  } finally {
    loadEarlier.busy = false;
  }
}

async function fetchOlder(room) {
  const before = room.items.find((item) => item.offset)?.offset;
  if (before === undefined || !socket?.connected) return;
  const reply = await socket.emitWithAck("history", ACK_TIMEOUT_MS, room.key, before)
    .catch((error) => ({ error: error.message }));
  if (reply.error) {
    banner(`Could not load earlier messages: ${reply.error}`);
    return;
  }
  const older = reply.history.filter((message) => !room.seen.has(message.offset));
  for (const message of older) room.seen.add(message.offset);
  room.items.unshift(...older.map((message) => ({ kind: "chat", ...message })));
  room.start += older.length;
  room.end += older.length;
  room.olderOnServer = reply.more;
}

function drawPending() {
  const key = state.current;
  const waiting = state.outbox.filter((item) => (item.to !== undefined ? "@" + item.to : item.room) === key);
  const rows = waiting.map((item) => {
    const li = el("li", "chat pending");
    li.dataset.clientId = item.clientId;
    const body = el("div", "body");
    const meta = el("div", "meta");
    meta.append(el("span", "sender", state.name), el("span", "state", socket?.connected
      ? "sending…" : "will send when back online"));
    body.append(meta, el("div", "text", item.text));
    const avatar = el("span", "avatar", initials(state.name));
    avatar.setAttribute("aria-hidden", "true");
    avatar.style.setProperty("--hue", hue(state.name));
    li.append(avatar, body);
    return li;
  });
  $("pending").replaceChildren(...rows, ...[...$("pending").querySelectorAll("li.failed")]
    .filter((li) => li.dataset.key === key));
}

function markFailed(item) {
  drawPending();
  const li = el("li", "chat failed");
  li.dataset.key = item.to !== undefined ? "@" + item.to : item.room;
  const body = el("div", "body");
  body.append(el("div", "meta", `not sent: ${item.failed}`), el("div", "text", item.text));
  li.append(el("span", "avatar"), body);
  $("pending").append(li);
}

/** Opens a room or thread: the only time the message list is drawn from scratch. */
function openConversation(key) {
  state.current = key;
  const open = currentConversation();
  open.unread = 0;
  saveSoon();
  $("room-title").textContent = open.label;
  $("leave").hidden = key === LOBBY || open.isThread;
  $("clear").hidden = !state.teacher || open.isThread;
  $("pending").replaceChildren();
  redrawWindow();
  if (!open.isThread && socket?.connected) socket.emit("members", key);
  updateComposer();
  scheduleSidebar();
  document.body.classList.remove("side-open");
  $("menu").setAttribute("aria-expanded", "false");
}

async function switchRoom(name) {
  if (!state.conversations.has(name)) {
    conversation(name);
    await joinRoom(name);
  }
  if (state.conversations.has(name)) openConversation(name);
}

function openThread(peer) {
  conversation("@" + peer);
  openConversation("@" + peer);
  $("text").focus();
}

// ---------------------------------------------------------------- composer, typing, status

function updateComposer() {
  const open = currentConversation();
  const send = $("send");
  const text = $("text");
  let reason = "";
  if (state.kicked) reason = `You were removed from the chat by ${state.kicked}.`;
  else if (state.muted) reason = "The teacher muted you: you can read, but not write.";
  send.disabled = reason !== "";
  text.disabled = state.kicked !== null;
  text.placeholder = reason || (open.isThread ? `Private message to ${open.key.slice(1)}` : "Write a message");
  $("composer-note").textContent = reason;
  const chip = $("private-to");
  chip.hidden = !open.isThread;
  chip.textContent = open.isThread ? `Private to ${open.key.slice(1)} — back to # ${LOBBY}` : "";
}

function onTyping({ room, name }) {
  clearTimeout(state.typing.get(name)?.timer);
  const timer = setTimeout(() => stopTyping(name, room), TYPING_SHOWN_MS);
  state.typing.set(name, { room, timer });
  renderTyping();
}

/** The message arrived: that person is no longer typing it. */
function stopTyping(name, room) {
  const typing = state.typing.get(name);
  if (!typing || (room !== null && typing.room !== room)) return;
  clearTimeout(typing.timer);
  state.typing.delete(name);
  renderTyping();
}

function renderTyping() {
  const names = [...state.typing].filter(([, t]) => t.room === state.current).map(([n]) => n);
  const text = names.length === 0 ? ""
    : names.join(", ") + (names.length === 1 ? " is typing…" : " are typing…");
  if ($("typing").textContent !== text) $("typing").textContent = text;
}

function banner(text) {
  $("banner").textContent = text;
}

function setStatus(kind, text) {
  const status = $("status");
  status.className = "status " + kind;
  status.textContent = text;
}

/** The bar over the conversation: why we are not online, and what waits to be sent. */
function showConnection() {
  const bar = $("connection");
  const waiting = state.outbox.length;
  const queued = waiting === 0 ? "" : waiting === 1 ? " 1 message will send when back online."
    : ` ${waiting} messages will send when back online.`;
  let text = "";
  if (state.kicked) text = `You were removed from the chat by ${state.kicked}.`;
  else if (!socket) text = "";
  else if (socket.connected) text = "";
  else if (socket.held) text = "You are offline (by choice)." + queued;
  else if (state.everConnected) text = `Reconnecting… ${waiting} message${waiting === 1 ? "" : "s"} waiting.`;
  else text = "Connecting…";
  bar.textContent = text;
  bar.hidden = text === "";
  bar.classList.toggle("removed", state.kicked !== null);
  for (const label of $("pending").querySelectorAll(".state")) {
    label.textContent = socket?.connected ? "sending…" : "will send when back online";
  }
}

function showTransport() {
  const name = socket?.transportName;
  $("wire-transport").textContent = name === "websocket" ? "via WebSocket"
    : name === "polling" ? "via HTTP long-polling" : "";
}

/** One polite live region, never rebuilt: a burst is summed up instead of read out line by line. */
const announcements = { count: 0, last: null, timer: undefined };

function announceMessage(item) {
  announcements.count++;
  announcements.last = item;
  announcements.timer ??= setTimeout(() => {
    const { count, last } = announcements;
    announce(count === 1 ? `${last.sender}: ${last.text}` : `${count} new messages in ${currentConversation().label}`);
    announcements.count = 0;
    announcements.timer = undefined;
  }, 700);
}

function announce(text) {
  $("announcer").textContent = text;
}

// ---------------------------------------------------------------- rooms, threads, members

let sidebarRequested = false;
let lastRooms = [];

function scheduleSidebar() {
  if (sidebarRequested) return;
  sidebarRequested = true;
  setTimeout(() => {
    sidebarRequested = false;
    drawRooms();
    drawThreads();
    updateTitle();
  }, 50);
}

function showRooms(rooms) {
  lastRooms = rooms;
  scheduleSidebar();
}

function unreadBadge(count) {
  const badge = el("span", "unread", String(count));
  badge.setAttribute("aria-label", `${count} unread`);
  return badge;
}

function drawRooms() {
  const counts = new Map(lastRooms.map((r) => [r.name, r.members]));
  for (const c of state.conversations.values()) if (!c.isThread && !counts.has(c.key)) counts.set(c.key, 0);
  const names = [...counts.keys()].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  $("rooms").replaceChildren(...names.map((name) => {
    const li = el("li");
    const room = state.conversations.get(name);
    const people = counts.get(name);
    const go = button("# " + name, "room" + (name === state.current ? " current" : ""), () => switchRoom(name));
    go.dataset.room = name;
    if (name === state.current) go.setAttribute("aria-current", "true");
    if (room?.unread) go.append(unreadBadge(room.unread));
    const count = el("span", "count", String(people));
    count.title = `${people} ${people === 1 ? "person" : "people"} in this room`;
    count.setAttribute("aria-label", count.title);
    li.append(go, count);
    return li;
  }));
}

function drawThreads() {
  const threads = [...state.conversations.values()].filter((c) => c.isThread);
  $("threads-title").hidden = threads.length === 0;
  $("threads").replaceChildren(...threads.map((thread) => {
    const li = el("li");
    const peer = thread.key.slice(1);
    const go = button(peer, "room thread" + (thread.key === state.current ? " current" : ""),
      () => openThread(peer), undefined);
    go.dataset.thread = peer;
    go.setAttribute("aria-label", `private conversation with ${peer}` + (thread.unread ? `, ${thread.unread} unread` : ""));
    if (state.teachers.has(peer)) go.append(el("span", "badge", "teacher"));
    if (thread.unread) go.append(unreadBadge(thread.unread));
    li.append(go);
    return li;
  }));
}

function updateTitle() {
  let unread = 0;
  for (const c of state.conversations.values()) unread += c.unread;
  document.title = unread > 0 ? `(${unread}) ${TITLE}` : TITLE;
}

function onMembers({ room, members }) {
  state.roomMembers.set(room, new Set(members.map((member) => member.name)));
  for (const member of members) {
    if (member.teacher) state.teachers.add(member.name);
    if (member.id === socket.id) setMuted(Boolean(member.muted), false);
  }
  if (room !== state.current) return;
  state.members = members;
  renderMembers();
}

function renderMembers() {
  $("members-room").textContent = state.current;
  const sorted = [...state.members].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  $("members").replaceChildren(...sorted.map((member) => {
    const li = el("li");
    const me = member.id === socket.id;
    const name = el("span", "member", member.name + (me ? " (you)" : ""));
    li.append(name);
    if (member.teacher) li.append(el("span", "badge", "teacher"));
    if (member.muted) li.append(el("span", "muted", "muted"));
    if (!me) {
      const actions = el("span", "actions");
      actions.append(button("Message", "small", () => openThread(member.name),
        `Private message to ${member.name}`));
      if (state.teacher && !member.teacher) {
        actions.append(button(member.muted ? "Unmute" : "Mute", "small",
          () => socket.emit("mute", member.id, !member.muted, report),
          `${member.muted ? "Unmute" : "Mute"} ${member.name}`));
        actions.append(button("Remove…", "small danger", () => kick(member),
          `Remove ${member.name} from the chat`));
      }
      li.append(actions);
    }
    return li;
  }));
}

async function kick(member) {
  if (await confirmAction(`Remove ${member.name} from the chat? They will see that you removed them.`,
    `Remove ${member.name}`)) {
    socket.emit("kick", member.id, report);
  }
}

function report(reply) {
  $("send-error").textContent = reply?.error ?? "";
}

/** A confirmation in the page's own dialog (never window.confirm, which blocks the socket). */
function confirmAction(text, okLabel) {
  const dialog = $("confirm");
  $("confirm-text").textContent = text;
  $("confirm-ok").textContent = okLabel;
  dialog.returnValue = "";
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok"), { once: true });
  });
}

// ---------------------------------------------------------------- the wire view

const wire = { frames: [], paused: false, filter: "all" };

function recordWire(frame) {
  wire.frames.push(frame);
  if (wire.frames.length > WIRE_KEPT) wire.frames.splice(0, wire.frames.length - WIRE_KEPT);
  if (!$("wire").hidden && !wire.paused && shown(frame)) {
    const rows = $("wire-rows");
    const box = rows.closest(".wire-list");
    const follow = box.scrollHeight - box.scrollTop - box.clientHeight < AT_BOTTOM_PX;
    rows.append(wireRow(frame));
    if (rows.childElementCount > WIRE_ROWS) rows.firstElementChild.remove();
    if (follow) box.scrollTop = box.scrollHeight;
  }
}

function shown(frame) {
  if (wire.filter === "all") return true;
  const heartbeat = frame.engine === "ping" || frame.engine === "pong";
  if (wire.filter === "no-heartbeat") return !heartbeat;
  return frame.socket === "EVENT" || frame.socket === "ACK";
}

function drawWire() {
  const frames = wire.frames.filter(shown).slice(-WIRE_ROWS);
  $("wire-rows").replaceChildren(...frames.map(wireRow));
  const box = $("wire-rows").closest(".wire-list");
  box.scrollTop = box.scrollHeight;
  $("wire-note").textContent = wire.paused ? "Paused: new packets are kept and shown when you resume."
    : `Oldest first; the last ${WIRE_ROWS} packets shown. Times in ms.`;
}

const pad = (n, width = 2) => String(n).padStart(width, "0");

function wireTime(millis) {
  const t = new Date(millis);
  return `${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}.${pad(t.getMilliseconds(), 3)}`;
}

function wireRow(frame) {
  const row = el("li", frame.direction);
  row.dataset.raw = frame.raw;
  const dir = { in: "⬇ in", out: "⬆ out", local: "• page" }[frame.direction];
  row.append(el("span", "time", wireTime(frame.at)), el("span", "dir", dir));
  if (frame.bytes !== undefined) row.append(el("span", "bytes", `${frame.bytes} B`));
  if (frame.transport) row.append(el("span", "via", frame.transport === "websocket" ? "WebSocket" : "polling"));
  if (frame.engine) row.append(el("span", "engine", frame.engine));
  if (frame.socket) row.append(el("span", "socket", frame.socket));
  const event = frame.event ?? (frame.id !== undefined ? `ack ${frame.id}` : undefined);
  if (event !== undefined) row.append(el("span", "event", event));
  row.append(packetCell(frame.raw));
  return row;
}

/** Long packets fold: the first line shows, a click expands the JSON pretty-printed. */
function packetCell(raw) {
  const cell = el("div", "raw");
  const json = raw.search(/[[{]/);
  if (raw.length <= 90 || json < 0) {
    cell.textContent = raw;
    return cell;
  }
  const details = el("details");
  const summary = el("summary", "", raw.slice(0, 90) + "…");
  let pretty;
  try {
    pretty = raw.slice(0, json) + "\n" + JSON.stringify(JSON.parse(raw.slice(json)), null, 2);
  } catch {
    pretty = raw;
  }
  details.append(summary, el("pre", "", pretty));
  cell.append(details);
  return cell;
}

// ---------------------------------------------------------------- screens and wiring up

function showScreen(which) {
  $("login-main").hidden = which !== "login";
  $("chat").hidden = which !== "chat";
  $("wire-toggle").hidden = which !== "chat";
  document.body.classList.toggle("in-chat", which === "chat");
  if (which === "login") $("name").focus();
  else if (document.activeElement === document.body || document.activeElement?.closest("#login")) $("text").focus();
}

const teacherToken = new URLSearchParams(location.hash.slice(1)).get("teacher");
if (teacherToken) {
  // Off the address bar at once: a projected URL must not show the token to the class.
  sessionStorage.setItem("wirelab.teacher", teacherToken);
  history.replaceState(null, "", location.pathname + location.search);
}
$("teacher-link").hidden = !sessionStorage.getItem("wirelab.teacher");
$("token-box").hidden = Boolean(sessionStorage.getItem("wirelab.teacher"));
$("name").value = state.name;
if (localStorage.getItem("wirelab.projector") === "on") setProjector(true);

$("login").addEventListener("submit", (event) => {
  event.preventDefault();
  const name = $("name").value.trim();
  if (!NAME.test(name)) {
    const bad = [...name].find((char) => !NAME.test(char) && char !== " ");
    $("login-error").textContent = (bad ? `“${bad}” cannot be in a name. ` : "")
      + "Use 1 to 24 letters, digits, spaces, - _ or .";
    return;
  }
  $("login-error").textContent = "";
  start(name, $("token").value.trim() || sessionStorage.getItem("wirelab.teacher") || undefined);
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
  if (text.trim() === "" || state.muted || state.kicked) return;
  if (text.length > state.maxLength) {
    $("send-error").textContent = `Too long: at most ${state.maxLength} characters.`;
    return;
  }
  $("send-error").textContent = "";
  $("text").value = "";
  send(text);
});

let lastTypingSent = 0;
$("text").addEventListener("input", () => {
  const now = Date.now();
  if (now - lastTypingSent > TYPING_SENT_EVERY_MS && socket?.connected && !currentConversation().isThread) {
    lastTypingSent = now;
    socket.emit("typing", state.current);
  }
});

$("private-to").addEventListener("click", () => switchRoom(LOBBY));
$("jump").addEventListener("click", () => {
  redrawWindow();
  $("text").focus();
});
$("earlier").addEventListener("click", () => loadEarlier());

$("leave").addEventListener("click", () => {
  const leaving = state.current;
  if (leaving === LOBBY || currentConversation().isThread) return;
  socket.emit("leave", leaving, () => {});
  state.conversations.delete(leaving);
  save();
  socket.emit("rooms");
  switchRoom(LOBBY);
});

$("clear").addEventListener("click", async () => {
  const room = state.current;
  if (await confirmAction(`Delete every message of # ${room} for everyone? This cannot be undone.`,
    `Clear # ${room}`)) {
    socket.emit("clear", room, report);
  }
});

$("menu").addEventListener("click", () => {
  const open = document.body.classList.toggle("side-open");
  $("menu").setAttribute("aria-expanded", String(open));
});

function setProjector(on) {
  document.documentElement.classList.toggle("projector", on);
  $("projector").setAttribute("aria-pressed", String(on));
  localStorage.setItem("wirelab.projector", on ? "on" : "off");
}
$("projector").addEventListener("click", () => {
  setProjector(!document.documentElement.classList.contains("projector"));
  if (state.atBottom) scrollToBottom();
});

$("wire-toggle").addEventListener("click", () => {
  const panel = $("wire");
  panel.hidden = !panel.hidden;
  $("wire-toggle").setAttribute("aria-pressed", String(!panel.hidden));
  $("chat").classList.toggle("with-wire", !panel.hidden);
  if (!panel.hidden) drawWire();
});
$("wire-pause").addEventListener("click", () => {
  wire.paused = !wire.paused;
  $("wire-pause").setAttribute("aria-pressed", String(wire.paused));
  $("wire-pause").textContent = wire.paused ? "Resume" : "Pause";
  drawWire();
});
$("wire-filter").addEventListener("change", () => {
  wire.filter = $("wire-filter").value;
  drawWire();
});
$("wire-clear").addEventListener("click", () => {
  wire.frames.length = 0;
  drawWire();
});
$("drop").addEventListener("click", () => socket?.dropTransport());
$("offline").addEventListener("click", () => {
  const toggle = $("offline");
  const goingOffline = toggle.getAttribute("aria-pressed") !== "true";
  toggle.setAttribute("aria-pressed", String(goingOffline));
  toggle.textContent = goingOffline ? "Go online" : "Go offline";
  if (goingOffline) {
    socket?.goOffline();
    setStatus("offline", "offline (by choice)");
  } else {
    socket?.goOnline();
    setStatus("connecting", "connecting…");
  }
  showConnection();
});

document.addEventListener("visibilitychange", () => {
  if (!document.hidden) {
    currentConversation().unread = 0;
    scheduleSidebar();
  }
});
window.addEventListener("pagehide", save);

// A reload in the same tab goes straight back in, and sends what the outbox kept.
if (sessionStorage.getItem("wirelab.entered") && NAME.test(state.name)) {
  start(state.name, sessionStorage.getItem("wirelab.teacher") || undefined);
} else {
  showScreen("login");
}
