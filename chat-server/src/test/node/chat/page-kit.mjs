// What the browser scripts (chat-browser.mjs, chat-page.mjs) share: Debian's Chromium launched
// as the tests launch it, and the chat page's rooms and message list read the same way.
import { chromium } from "playwright-core";

/** Every wait on a page is bounded by this. */
export const WAIT = { timeout: 20000 };

/**
 * The environment without libfaketime: a suite run under `faketime` (to prove no test depends on
 * the date) would hand it to Chromium too, whose faked clocks hang it before the first page.
 */
function withoutFakeTime(env) {
  const kept = { ...env };
  for (const name of ["LD_PRELOAD", "FAKETIME", "FAKETIME_SHARED", "FAKETIME_DONT_FAKE_MONOTONIC"]) delete kept[name];
  return kept;
}

export function launchChromium() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    env: withoutFakeTime(process.env),
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export async function openRoom(page, room) {
  await page.fill("#room-name", room);
  await page.click("#room-form button");
  await page.waitForFunction((r) => document.querySelector("#room-title").textContent === "# " + r, room, WAIT);
}

export function waitForText(page, text) {
  return page.waitForFunction((t) => [...document.querySelectorAll("#messages .text")]
    .some((node) => node.textContent === t), text, WAIT);
}

/** The texts of the open conversation's message rows, in order. */
export function texts(page) {
  return page.$$eval("#messages li.chat .text", (nodes) => nodes.map((n) => n.textContent));
}
