package dev.wirelab.inspector.model;

/**
 * One named header field of a layer: what it is called, its value as shown, what that value means
 * (may be empty), and which bytes of the frame hold it.
 *
 * @param label the field's name, e.g. "Time to live"
 * @param value the value as displayed, e.g. "64"
 * @param meaning what the value means for a student, e.g. "hops left before a router drops it"; ""
 *     when obvious
 * @param offset first byte of the field in the frame
 * @param length number of bytes (0 for values computed rather than read, like TCP payload length)
 */
public record Field(String label, String value, String meaning, int offset, int length) {
  public Field {
    meaning = meaning == null ? "" : meaning;
  }
}
