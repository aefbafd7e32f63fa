// The classroom chat page through a lesson, in real headless Chromium (Debian's /usr/bin/chromium
// driven by playwright-core) with official socket.io-client peers filling the rooms. ChatPageTest
// runs it:   node chat-page.mjs URL SCREENSHOT_DIR TEACHER_TOKEN
// Each scenario records what the pages showed; the last line is "RESULT " and a JSON object, with
// "failures" naming any scenario that threw. Every wait is bounded.
import { launchChromium, openRoom, texts, waitForText, WAIT } from "./page-kit.mjs";
import { io } from "socket.io-client";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const [url, screenshots, token] = process.argv.slice(2);
const result = { failures: {}, errors: [], dialogs: [] };
const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const browser = await launchChromium();
const peers = [];

/** A person at a browser: a context of its own (own storage, like a separate device). */
async function open(who, options = {}) {
  const { hash = "", blockWebSocket = false, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, ...contextOptions });
  if (blockWebSocket) {
    // A school filter that refuses WebSocket: every upgrade attempt is closed at once.
    await context.routeWebSocket(/socket\.io/, (ws) => ws.close());
  }
  const page = await context.newPage();
  page.on("dialog", async (dialog) => {
    result.dialogs.push(who + ": " + dialog.message());
    await dialog.dismiss();
  });
  page.on("pageerror", (error) => result.errors.push(who + ": " + error.message));
  await page.goto(url + hash);
  return page;
}

async function login(page, name) {
  await page.fill("#name", name);
  await page.click("#login button[type=submit]");
  await online(page);
}

const online = (page) => page.waitForFunction(() => document.querySelector("#status").textContent === "online",
  null, WAIT);

async function student(name, options) {
  const page = await open(name, options);
  await login(page, name);
  return page;
}


async function say(page, text) {
  await page.fill("#text", text);
  await page.press("#text", "Enter");
}



/** An official socket.io-client in a room, sending like a student's laptop would. */
async function peer(name, room) {
  const socket = io(url, { auth: { name }, transports: ["websocket"], reconnection: false });
  peers.push(socket);
  await new Promise((resolve, reject) => {
    socket.once("connect_error", reject);
    socket.once("connect", resolve);
  });
  await socket.emitWithAck("join", room, null);
  let n = 0;
  return {
    socket,
    send: async (text) => {
      const reply = await socket.timeout(10000).emitWithAck("message",
        { room, clientId: `${name}-${n++}-${Date.now()}`, text });
      if (!reply.ok) throw new Error(`${name} could not send ${text}: ${reply.error}`);
    },
  };
}

/** axe-core in the page (through evaluate: the page's CSP rightly refuses an injected script tag). */
async function axe(page, label) {
  const violations = await page.evaluate(async (source) => {
    if (!window.axe) (0, eval)(source);
    const report = await window.axe.run(document, { resultTypes: ["violations"] });
    return report.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
      target: v.nodes[0]?.target?.join(" ") }));
  }, axeSource);
  result.axe ??= {};
  result.axe[label] = violations;
}

async function scenario(name, body) {
  try {
    await body();
  } catch (error) {
    result.failures[name] = String(error.stack ?? error);
  }
}

let ann;
let bob;

await scenario("axe-login", async () => {
  const page = await open("visitor");
  result.loginFocus = await page.evaluate(() => document.activeElement?.id);
  result.loginStatus = await page.textContent("#status");
  await axe(page, "login");
});

await scenario("upgrade", async () => {
  ann = await student("ann");
  await ann.click("#wire-toggle");
  await ann.waitForFunction(() => document.querySelector("#wire-transport").textContent === "via WebSocket",
    null, WAIT);
  result.annWire = await ann.$$eval("#wire-rows li", (rows) => rows.map((row) => ({
    dir: row.className, via: row.querySelector(".via")?.textContent ?? "", raw: row.querySelector(".raw").textContent,
  })));
  result.annFocus = await ann.evaluate(() => document.activeElement?.id);
  await axe(ann, "wire");
  await ann.click("#wire-toggle");
});

await scenario("blocked-websocket", async () => {
  const erin = await student("erin", { blockWebSocket: true });
  await erin.click("#wire-toggle");
  await erin.waitForFunction(() => [...document.querySelectorAll("#wire-rows .raw")]
    .some((node) => node.textContent.includes("staying on HTTP long-polling")), null, WAIT);
  result.erinTransport = await erin.textContent("#wire-transport");
  await say(erin, "sent over long-polling");
  await waitForText(ann, "sent over long-polling");
  await say(ann, "and back to polling");
  await waitForText(erin, "and back to polling");
  result.erinTexts = await texts(erin);
  result.erinVia = await erin.$$eval("#wire-rows .via", (nodes) => [...new Set(nodes.map((n) => n.textContent))]);
  await erin.context().close();
});

await scenario("scroll-anchoring", async () => {
  await openRoom(ann, "scroll");
  const loaders = await Promise.all(Array.from({ length: 8 }, (_, i) => peer("load" + i, "scroll")));
  await Promise.all(loaders.flatMap((p, i) => Array.from({ length: 8 }, (_, n) => p.send(`fill ${i}.${n}`))));
  await ann.waitForFunction(() => document.querySelectorAll("#messages li.chat[data-offset]").length === 64, null, WAIT);
  result.scrollNotices = await ann.$$eval("#messages li.notice .text", (nodes) => nodes.map((n) => n.textContent));
  await ann.evaluate(() => {
    document.querySelector("#scroller").scrollTop = 0;
  });
  await ann.waitForFunction(() => document.querySelector("#scroller").scrollTop === 0, null, WAIT);
  // Fresh peers: each loader used up its burst allowance of 8.
  const late = await Promise.all([peer("late0", "scroll"), peer("late1", "scroll")]);
  await late[0].send("while you read older ones");
  await ann.waitForSelector("#jump:not([hidden])", WAIT);
  result.scrollWhileReading = await ann.evaluate(() => document.querySelector("#scroller").scrollTop);
  result.jumpText = await ann.textContent("#jump");
  await ann.click("#jump");
  result.afterJump = await ann.evaluate(() => {
    const s = document.querySelector("#scroller");
    return { atBottom: s.scrollHeight - s.scrollTop - s.clientHeight < 48, jumpHidden: document.querySelector("#jump").hidden };
  });
  await late[1].send("followed at the bottom");
  await waitForText(ann, "followed at the bottom");
  await ann.waitForFunction(() => {
    const s = document.querySelector("#scroller");
    return s.scrollHeight - s.scrollTop - s.clientHeight < 48;
  }, null, WAIT);
  result.followsAtBottom = await ann.evaluate(() => document.querySelector("#jump").hidden);

  // A page that opens the room fresh gets the last 50; the rest come back with Load earlier.
  bob = await student("bob");
  await openRoom(bob, "scroll");
  result.bobRowsOnOpen = await bob.$$eval("#messages li.chat[data-offset]", (rows) => rows.length);
  await bob.click("#earlier");
  await bob.waitForFunction(() => document.querySelectorAll("#messages li.chat[data-offset]").length === 66, null, WAIT);
  result.bobFirstAfterEarlier = await bob.$eval("#messages li.chat[data-offset]", (li) => Number(li.dataset.offset));
  result.bobEarlierHidden = await bob.evaluate(() => document.querySelector("#earlier").hidden);
  result.groupedRows = await bob.$$eval("#messages li.chat.grouped", (rows) => rows.length);
  result.daySeparators = await bob.$$eval("#messages li.day", (rows) => rows.length);
  result.avatar = await bob.$eval("#messages li.chat:not(.grouped) .avatar", (a) => a.textContent);
  await axe(bob, "room");
});

let lobbyPeer;
await scenario("unread", async () => {
  // ann reads # scroll; something is said in the lobby and privately.
  lobbyPeer = await peer("zed", "lobby");
  await lobbyPeer.send("over in the lobby");
  await ann.waitForSelector("#rooms button[data-room=lobby] .unread", WAIT);
  result.annLobbyUnread = await ann.textContent("#rooms button[data-room=lobby] .unread");
  result.annTitle = await ann.evaluate(() => document.title);
  await ann.click("#rooms button[data-room=lobby]");
  await waitForText(ann, "over in the lobby");
  await ann.waitForFunction(() => !document.title.startsWith("("), null, WAIT);
  result.annTitleAfterReading = await ann.evaluate(() => document.title);
});

await scenario("private-threads", async () => {
  await ann.click("#members button[aria-label='Private message to bob']");
  await ann.waitForFunction(() => document.querySelector("#room-title").textContent === "bob", null, WAIT);
  await say(ann, "psst, just for bob");
  await waitForText(ann, "psst, just for bob");
  await bob.waitForSelector("#threads button[data-thread=ann] .unread", WAIT);
  result.bobThreadUnread = await bob.textContent("#threads button[data-thread=ann] .unread");
  result.bobTitle = await bob.evaluate(() => document.title);
  result.bobRoomTextsBefore = await texts(bob);
  await bob.click("#threads button[data-thread=ann]");
  await waitForText(bob, "psst, just for bob");
  result.bobComposerPlaceholder = await bob.getAttribute("#text", "placeholder");
  await say(bob, "ok ann");
  await waitForText(ann, "ok ann");
  result.annThread = await texts(ann);
  await ann.click("#private-to");
  await ann.waitForFunction(() => document.querySelector("#room-title").textContent === "# lobby", null, WAIT);
  result.annLobbyAfterPrivate = await texts(ann);
  await bob.reload();
  await online(bob);
  await bob.click("#threads button[data-thread=ann]");
  await waitForText(bob, "ok ann");
  result.bobThreadAfterReload = await texts(bob);
});

await scenario("wifi-blip", async () => {
  // bob's connection drops and comes back: ann is not told "bob left", "bob joined". zed leaves
  // for good: ann is told, once the grace period is over.
  const notices = () => ann.$$eval("#messages li.notice .text", (nodes) => nodes.map((n) => n.textContent));
  result.annLobbyNoticesBefore = await notices();
  await bob.click("#wire-toggle");
  await bob.click("#drop");
  await bob.waitForFunction(() => document.querySelector("#banner").textContent.startsWith("Reconnected"), null, WAIT);
  await bob.click("#wire-toggle");
  lobbyPeer.socket.close();
  await ann.waitForFunction(() => [...document.querySelectorAll("#messages li.notice .text")]
    .some((n) => n.textContent.includes("zed") && n.textContent.endsWith(" left")), null, WAIT);
  result.annLobbyNotices = await notices();
});

await scenario("outbox", async () => {
  const carol = await student("carol");
  await carol.click("#wire-toggle");
  await carol.click("#offline");
  await carol.waitForFunction(() => document.querySelector("#status").textContent.startsWith("offline"), null, WAIT);
  for (const n of [1, 2, 3, 4, 5]) await say(carol, "typed offline " + n);
  result.carolBar = await carol.textContent("#connection");
  result.carolPending = await carol.$$eval("#pending li .state", (nodes) => nodes.map((n) => n.textContent));
  await carol.reload();
  await online(carol);
  for (const n of [1, 2, 3, 4, 5]) await waitForText(ann, "typed offline " + n);
  // As fast as a student can press Enter: past the server's burst allowance of 8.
  for (let n = 1; n <= 14; n++) await say(carol, "quick " + n);
  await waitForText(ann, "quick 14");
  await carol.waitForFunction(() => document.querySelectorAll("#pending li").length === 0, null, WAIT);
  result.annOrder = (await texts(ann)).filter((t) => t.startsWith("typed offline") || t.startsWith("quick"));
  await carol.context().close();
});

await scenario("teacher", async () => {
  const teacher = await open("teacher", { hash: "#teacher=" + token });
  result.teacherHash = await teacher.evaluate(() => location.hash);
  result.tokenOnScreen = await teacher.evaluate((t) => document.body.innerText.includes(t)
    || [...document.querySelectorAll("input")].some((i) => i.value === t), token);
  await login(teacher, "Ms Rivera");
  result.tokenOnScreenAfterLogin = await teacher.evaluate((t) => document.body.innerText.includes(t)
    || location.href.includes(t), token);
  const dave = await student("dave");
  await say(teacher, "good morning class");
  await waitForText(dave, "good morning class");
  result.daveSeesBadge = await dave.$$eval("#messages li.chat", (rows) => rows
    .filter((li) => li.querySelector(".sender")?.textContent === "Ms Rivera")
    .map((li) => li.querySelector(".badge")?.textContent ?? ""));
  await dave.waitForSelector("#members li:has-text('Ms Rivera') .badge", WAIT);
  await teacher.waitForSelector("#members button[aria-label='Mute dave']", WAIT);
  await axe(teacher, "teacher");

  await teacher.click("#members button[aria-label='Mute dave']");
  await dave.waitForFunction(() => document.querySelector("#send").disabled, null, WAIT);
  result.daveMutedNote = await dave.textContent("#composer-note");
  await teacher.click("#members button[aria-label='Unmute dave']");
  await dave.waitForFunction(() => !document.querySelector("#send").disabled, null, WAIT);

  await teacher.click("#clear");
  await teacher.waitForSelector("#confirm[open]", WAIT);
  result.clearQuestion = await teacher.textContent("#confirm-text");
  await teacher.click("#confirm button[value=cancel]");
  result.afterCancelledClear = await texts(dave);

  await teacher.click("#members button[aria-label='Remove dave from the chat']");
  await teacher.waitForSelector("#confirm[open]", WAIT);
  result.kickQuestion = await teacher.textContent("#confirm-text");
  await teacher.click("#confirm-ok");
  await dave.waitForFunction(() => document.querySelector("#status").textContent === "removed", null, WAIT);
  await teacher.waitForFunction(() => ![...document.querySelectorAll("#members .member")]
    .some((m) => m.textContent === "dave"), null, WAIT);
  result.daveAfterKick = await dave.evaluate(() => ({
    status: document.querySelector("#status").textContent,
    bar: document.querySelector("#connection").textContent,
    textDisabled: document.querySelector("#text").disabled,
    sendDisabled: document.querySelector("#send").disabled,
  }));

  await teacher.setViewportSize({ width: 1920, height: 1080 });
  await teacher.click("#projector");
  result.projector = await teacher.evaluate(() => ({
    textPx: parseFloat(getComputedStyle(document.querySelector("#messages .text")).fontSize),
    listShare: document.querySelector("#scroller").clientHeight / innerHeight,
  }));
  await teacher.screenshot({ path: screenshots + "/chat-projector.png" });
  await teacher.click("#wire-toggle");
  await say(teacher, "watch the wire");
  await teacher.waitForFunction(() => [...document.querySelectorAll("#wire-rows .event")]
    .some((e) => e.textContent === "chat"), null, WAIT);
  await teacher.screenshot({ path: screenshots + "/chat-projector-wire.png" });
  await teacher.context().close();
});

await scenario("phone", async () => {
  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
  const page = await open("fay", phone);
  await page.screenshot({ path: screenshots + "/chat-phone-login.png" });
  await login(page, "fay");
  await waitForText(page, "quick 14");
  const sizes = () => page.evaluate(() => {
    const visible = (node) => node.getClientRects().length > 0 && getComputedStyle(node).visibility !== "hidden";
    return {
      smallInputs: [...document.querySelectorAll("input, select")].filter(visible)
        .filter((n) => parseFloat(getComputedStyle(n).fontSize) < 16).map((n) => n.id),
      smallTargets: [...document.querySelectorAll("button, summary")].filter(visible)
        .filter((n) => n.getBoundingClientRect().height < 44).map((n) => n.id || n.textContent),
      overflow: document.documentElement.scrollWidth > innerWidth,
    };
  });
  result.phoneChat = await sizes();
  await page.screenshot({ path: screenshots + "/chat-phone.png" });
  await page.click("#menu");
  result.phoneMenu = await sizes();
  await page.screenshot({ path: screenshots + "/chat-phone-menu.png" });
  await page.click("#rooms button[data-room=lobby]");
  await page.click("#wire-toggle");
  result.phoneWire = await sizes();
  await page.screenshot({ path: screenshots + "/chat-phone-wire.png" });
  await page.context().close();
});

await scenario("dark", async () => {
  const page = await student("gus", { colorScheme: "dark" });
  await waitForText(page, "quick 14");
  result.darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await axe(page, "dark room");
  await page.screenshot({ path: screenshots + "/chat-dark.png" });
  await page.context().close();
});

await scenario("keyboard", async () => {
  // From the message box, Tab reaches Send; Shift+Tab from the top reaches the skip link.
  await ann.focus("#text");
  await ann.keyboard.press("Tab");
  result.tabFromText = await ann.evaluate(() => document.activeElement?.id);
  result.focusRing = await ann.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
});

for (const socket of peers) socket.close();
await browser.close();
console.log("RESULT " + JSON.stringify(result));
