// Binary values as JSON for the Java tests' line protocols: bytes travel as {"$bytes": [..]}.
// Shared by the test peers (socketio/client.mjs, cluster/node-peer.mjs); it needs no package.
export const toJson = (value) => {
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const view = new Uint8Array(value.buffer ?? value, value.byteOffset ?? 0, value.byteLength);
    return { $bytes: Array.from(view) };
  }
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  }
  return value;
};

export const fromJson = (value) => {
  if (value && typeof value === "object" && Array.isArray(value.$bytes)) return Buffer.from(value.$bytes);
  if (Array.isArray(value)) return value.map(fromJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromJson(v)]));
  }
  return value;
};
