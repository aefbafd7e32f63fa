package dev.wirelab.inspector.decode;

/** The association modes of an NTP packet's first byte (RFC 5905 7.3). */
enum NtpMode {
  RESERVED("reserved", "not used"),
  SYMMETRIC_ACTIVE("symmetric active", "a peer offers to synchronise both ways"),
  SYMMETRIC_PASSIVE("symmetric passive", "a peer answers a symmetric active one"),
  CLIENT("client", "a client asks for the time"),
  SERVER("server", "a server answers with its time"),
  BROADCAST("broadcast", "a server tells everyone the time"),
  CONTROL("control message", "ntpq's control and monitoring (RFC 9327)"),
  PRIVATE("private", "ntpdc's implementation-specific messages");

  private static final NtpMode[] BY_CODE = values();

  private final String label;
  private final String meaning;

  NtpMode(String label, String meaning) {
    this.label = label;
    this.meaning = meaning;
  }

  /** The mode in the low three bits of {@code firstByte}. */
  static NtpMode of(int firstByte) {
    return BY_CODE[firstByte & 7];
  }

  int code() {
    return ordinal();
  }

  String label() {
    return label;
  }

  String meaning() {
    return meaning;
  }

  /** Whether the packet is a time packet (48-byte header with timestamps), not mode 6 or 7. */
  boolean carriesTime() {
    return this != CONTROL && this != PRIVATE;
  }
}
