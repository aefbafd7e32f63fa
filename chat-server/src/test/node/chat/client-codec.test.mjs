// Node's test runner on the page's own Socket.IO packet codec (socketio-client.js), run by
// PageClientCodecTest. The page script is plain browser JavaScript, so it is loaded from source.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";

const source = await readFile(new URL("../../../main/resources/web/socketio-client.js", import.meta.url), "utf8");
const { encodePacket, decodePacket, SOCKET } = await import("data:text/javascript," + encodeURIComponent(source));

test("an event with an ack id on the main namespace", () => {
  const text = encodePacket({ type: SOCKET.EVENT, id: 7, data: ["message", { text: "hi" }] });
  assert.equal(text, '27["message",{"text":"hi"}]');
  assert.deepEqual(decodePacket(text), { type: "2", nsp: "/", id: 7, data: ["message", { text: "hi" }] });
});

test("a CONNECT with auth, and its answer", () => {
  assert.equal(encodePacket({ type: SOCKET.CONNECT, data: { name: "ann" } }), '0{"name":"ann"}');
  assert.deepEqual(decodePacket('0{"sid":"abc"}'), { type: "0", nsp: "/", id: undefined, data: { sid: "abc" } });
});

test("another namespace is written before the ack id", () => {
  const text = encodePacket({ type: SOCKET.ACK, nsp: "/admin", id: 12, data: [true] });
  assert.equal(text, "3/admin,12[true]");
  assert.deepEqual(decodePacket(text), { type: "3", nsp: "/admin", id: 12, data: [true] });
});

test("a DISCONNECT has no data", () => {
  assert.deepEqual(decodePacket("1"), { type: "1", nsp: "/", id: undefined, data: undefined });
});

test("a binary event's attachment count is skipped", () => {
  const packet = decodePacket('51-["file",{"_placeholder":true,"num":0}]');
  assert.equal(packet.type, "5");
  assert.deepEqual(packet.data, ["file", { _placeholder: true, num: 0 }]);
});

test("garbage is refused", () => {
  assert.throws(() => decodePacket("9[]"), /unknown Socket.IO packet type/);
  assert.throws(() => decodePacket("2[not json"), SyntaxError);
});
