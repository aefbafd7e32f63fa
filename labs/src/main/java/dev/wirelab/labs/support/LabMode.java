package dev.wirelab.labs.support;

/** How a lab runs: both ends in one process, or one end per terminal (or per machine). */
public enum LabMode {
  /** Server and client in one process on loopback, narrated step by step. */
  demo,
  /** Only the server: run the client in another terminal, or use nc/curl/a browser. */
  server,
  /** Only the client: connect to a server started elsewhere. */
  client
}
