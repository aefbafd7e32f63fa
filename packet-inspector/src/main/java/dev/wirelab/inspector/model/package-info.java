/**
 * The frame model every decoder fills in and every output mode reads.
 *
 * <p>A {@link dev.wirelab.inspector.model.DecodedFrame} holds the record header (number, timestamp,
 * lengths, link type), the raw bytes, the {@link dev.wirelab.inspector.model.Layer}s outermost
 * first (each with its byte range and named {@link dev.wirelab.inspector.model.Field}s), the
 * malformed reasons, the flat JSON map whose keys are the tshark oracle's ({@code eth.src}, {@code
 * tcp.seq}, {@code ws.opcode}, our own {@code sio.*}/{@code eio.*}) and a one-line summary.
 *
 * <p>Application decoders plug in after TCP through {@link
 * dev.wirelab.inspector.decode.TcpPayloadDecoder}: they get a {@link
 * dev.wirelab.inspector.model.TcpSegment} and the frame, and may add layers ({@code new
 * Layer("HTTP", 7, start, end)}), JSON fields ({@code frame.put("http.method", "GET")}) and summary
 * text ({@code frame.appendSummary("HTTP GET /")}).
 */
package dev.wirelab.inspector.model;
