// Real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core; nothing is
// downloaded) using the classroom chat page as students would. ChatInBrowserTest runs it:
//   node chat-browser.mjs URL SCREENSHOT_DIR TEACHER_TOKEN
// It prints "RESTART" when it wants the server restarted (RESTART_EMPTY: on a new history file)
// and waits for "RESTARTED" on stdin;
// its last line is "RESULT " and a JSON object of what the pages showed.
import { launchChromium, openRoom, texts, waitForText, WAIT } from "./page-kit.mjs";
import { createInterface } from "node:readline";

const [url, screenshots, token] = process.argv.slice(2);
const stdin = createInterface({ input: process.stdin });
const lines = stdin[Symbol.asyncIterator]();
const result = { dialogs: [], errors: [] };

const browser = await launchChromium();

/** One student: a browser context of its own (own storage, like a separate browser). */
async function student(name, hash = "") {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  page.on("dialog", async (dialog) => {
    result.dialogs.push(name + ": " + dialog.message());
    await dialog.dismiss();
  });
  page.on("pageerror", (error) => result.errors.push(name + ": " + error.message));
  await page.goto(url + hash);
  await page.fill("#name", name);
  await page.click("#login button[type=submit]");
  await page.waitForFunction(() => document.querySelector("#status").textContent === "online", null, WAIT);
  pages.push(page);
  return page;
}


async function say(page, text) {
  await page.fill("#text", text);
  await page.click("#send");
  // Sent means acknowledged: the pending style goes once the server stored it and sent it back.
  await page.waitForFunction((t) => [...document.querySelectorAll("#messages li.chat")]
    .some((li) => li.querySelector(".text")?.textContent === t && li.dataset.offset), text, WAIT);
}



async function toggleWire(page) {
  await page.click("#wire-toggle");
}

/** Asks the test to restart the server and waits until every page is online again. */
async function restart(request) {
  console.log(request);
  const answer = await lines.next();
  if (answer.value !== "RESTARTED") throw new Error("expected RESTARTED, got " + answer.value);
  for (const page of pages) {
    await page.waitForFunction(() => document.querySelector("#status").textContent === "online", null, WAIT);
  }
}

const pages = [];

try {
  const ann = await student("ann");
  const bob = await student("bob");
  const carol = await student("carol");
  await openRoom(ann, "maths");
  await openRoom(bob, "maths");
  await openRoom(carol, "physics");

  await say(ann, "hello bob");
  await waitForText(bob, "hello bob");
  await bob.fill("#text", "hi ann");
  await ann.waitForFunction(() => document.querySelector("#typing").textContent === "bob is typing…", null, WAIT);
  result.annSawTyping = true;
  await say(bob, "hi ann");
  await waitForText(ann, "hi ann");

  // A private message: to bob's own socket-id room, nobody else's; a conversation of its own.
  await ann.click("#members button[aria-label='Private message to bob']");
  await ann.fill("#text", "just for bob");
  await ann.click("#send");
  await bob.click("#threads button[data-thread=ann]");
  await waitForText(bob, "just for bob");
  result.bobPrivateSender = await bob.textContent("#messages li.chat .sender");
  // The server stores it: after a reload the conversation is listed again, with its message.
  await bob.reload();
  await bob.waitForFunction(() => document.querySelector("#status").textContent === "online", null, WAIT);
  await bob.click("#threads button[data-thread=ann]");
  await waitForText(bob, "just for bob");
  result.bobPrivateAfterReload = await bob.$$eval("#messages li.chat .text", (items) => items.map((li) => li.textContent));
  await bob.click("#rooms button[data-room=maths]");
  await ann.click("#rooms button[data-room=maths]");

  const xss = ["<img src=x onerror=alert(1)>", "<script>alert(2)</script>"];
  for (const payload of xss) await say(ann, payload);
  for (const payload of xss) await waitForText(bob, payload);
  result.bobImages = await bob.$$eval("#messages img, #messages script", (nodes) => nodes.length);

  await toggleWire(bob);
  await bob.click("#offline");
  await bob.waitForFunction(() => document.querySelector("#status").textContent.startsWith("offline"), null, WAIT);
  const missed = ["while you were away 1", "while you were away 2", "while you were away 3"];
  for (const text of missed) await say(ann, text);
  await bob.click("#offline");
  await bob.waitForFunction(() => document.querySelector("#banner").textContent.startsWith("Reconnected"), null, WAIT);
  result.reconnectBanner = await bob.textContent("#banner");
  for (const text of missed) await waitForText(bob, text);
  result.bobAfterReconnect = await texts(bob);

  await bob.screenshot({ path: screenshots + "/chat-wire-view.png" });
  await ann.screenshot({ path: screenshots + "/chat-page.png" });

  await restart("RESTART");
  await say(ann, "after the restart");
  await waitForText(bob, "after the restart");
  result.bobAfterRestart = await texts(bob);

  // A page closed and opened again (same browser, so the same saved offsets) says what is new.
  await bob.goto("about:blank");
  await say(ann, "while you were gone");
  await bob.goto(url);
  await bob.waitForFunction(() => document.querySelector("#banner").textContent !== "", null, WAIT);
  result.bobBackBanner = await bob.textContent("#banner");
  await bob.click("#rooms button[data-room=maths]");
  await waitForText(bob, "while you were gone");

  const dave = await student("dave");
  await openRoom(dave, "maths");
  await waitForText(dave, "hello bob");
  result.daveHistory = await texts(dave);

  // The teacher view: moderation buttons, a muted student told so, a cleared room.
  const teacher = await student("teacher", "#teacher=" + token);
  await openRoom(teacher, "maths");
  await teacher.waitForSelector("#members button[aria-label='Remove bob from the chat']", WAIT);
  result.teacherSees = await teacher.evaluate(() => document.querySelector("#me").textContent
    + (document.querySelector("#me").classList.contains("is-teacher") ? " (teacher)" : ""));
  await teacher.click("#members button[aria-label='Mute bob']");
  await bob.waitForFunction(() => document.querySelector("#banner").textContent === "The teacher muted you.", null, WAIT);
  result.bobMutedNote = await bob.textContent("#composer-note");
  result.bobSendDisabled = await bob.evaluate(() => document.querySelector("#send").disabled);
  await teacher.waitForSelector("#members li:has-text('bob') .muted", WAIT);
  await teacher.screenshot({ path: screenshots + "/chat-teacher.png" });
  await teacher.click("#clear");
  await teacher.click("#confirm-ok");
  await bob.waitForFunction(() => document.querySelector("#messages li.chat .text") === null, null, WAIT);
  result.bobAfterClear = await bob.$$eval("#messages li:not(.day)", (items) => items.map((li) => li.textContent));

  // A restart on a new, empty history file: the pages notice that offsets went back and start over.
  await restart("RESTART_EMPTY");
  await say(ann, "a fresh start");
  await waitForText(bob, "a fresh start");
  result.bobAfterNewHistory = await texts(bob);

  // The wire view draws what it kept when it opens.
  await toggleWire(carol);
  await toggleWire(ann);
  result.carolWire = await carol.$$eval("#wire-rows li", (rows) => rows.map((r) => r.dataset.raw).join("\n"));
  result.annWire = await ann.$$eval("#wire-rows li", (rows) => rows.map((r) => r.dataset.raw));
  result.carolRoomTexts = await texts(carol);
  result.carolPrivates = await carol.$$eval("#threads button", (items) => items.length);
} catch (error) {
  result.failure = String(error.stack ?? error);
} finally {
  await browser.close();
  stdin.close();
}
console.log("RESULT " + JSON.stringify(result));
