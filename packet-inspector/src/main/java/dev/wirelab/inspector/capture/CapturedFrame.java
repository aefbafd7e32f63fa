package dev.wirelab.inspector.capture;

/**
 * One frame as a capture file or interface delivered it, before decoding.
 *
 * @param seconds timestamp, seconds since the epoch
 * @param nanos nanoseconds within the second
 * @param len length on the wire (may exceed data.length when the snaplen cut the frame)
 * @param linkType LINKTYPE_ number of its interface
 * @param data the captured bytes
 * @param problem why the record itself is damaged (file cut mid-record...), or null
 */
public record CapturedFrame(
    long seconds, int nanos, int len, int linkType, byte[] data, String problem) {}
