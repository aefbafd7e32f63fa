package dev.wirelab.inspector.app.http;

/** One header field line, {@code name: value}, with the surrounding whitespace trimmed. */
public record HttpHeader(String name, String value) {}
