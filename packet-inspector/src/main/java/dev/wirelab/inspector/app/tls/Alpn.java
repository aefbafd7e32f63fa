package dev.wirelab.inspector.app.tls;

import java.util.ArrayList;
import java.util.List;

/** RFC 7301's protocol name list: a 2-byte length, then names each with a 1-byte length. */
final class Alpn {
  private Alpn() {}

  static List<String> parse(TlsCursor data) {
    TlsCursor list = data.sub(data.u16("ALPN list length"), "ALPN list");
    List<String> names = new ArrayList<>();
    while (list.remaining() > 0) {
      names.add(list.ascii(list.u8("protocol name length"), "protocol name"));
    }
    return names;
  }
}
