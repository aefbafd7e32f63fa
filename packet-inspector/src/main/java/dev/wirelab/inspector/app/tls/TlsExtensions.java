package dev.wirelab.inspector.app.tls;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The extensions block that ends a ClientHello or a ServerHello (RFC 8446 4.2): the types in the
 * order sent, and each one's data to read further. A type sent twice (which RFC 8446 forbids) keeps
 * its last data.
 */
record TlsExtensions(List<Integer> types, Map<Integer, TlsCursor> data) {

  /** Reads the rest of a hello; one from before RFC 3546 may end without extensions. */
  static TlsExtensions read(TlsCursor in) {
    List<Integer> types = new ArrayList<>();
    Map<Integer, TlsCursor> data = new HashMap<>();
    TlsCursor all = in.remaining() == 0 ? in : in.sub(in.u16("extensions length"), "extensions");
    while (all.remaining() > 0) {
      int type = all.u16("extension type");
      types.add(type);
      data.put(type, all.sub(all.u16("extension length"), TlsExtension.label(type)));
    }
    return new TlsExtensions(types, data);
  }

  /** The extension's data, or null when the hello does not have it. */
  TlsCursor get(TlsExtension extension) {
    return data.get(extension.code());
  }

  /** The ALPN protocol names (RFC 7301), empty without the extension. */
  List<String> alpn() {
    TlsCursor alpn = get(TlsExtension.ALPN);
    return alpn == null ? List.of() : Alpn.parse(alpn);
  }
}
