package dev.wirelab.inspector.tshark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inspector decodes DNS and TLS over TCP from the reassembled stream and an IP datagram on the
 * fragment that completes it, so for those layers tshark's answer is the one with reassembly on.
 * Every other field keeps tshark's per-packet answer.
 */
final class Reassembled {
  /** The layers the inspector decodes from reassembled bytes. */
  private static final List<String> PREFIXES = List.of("dns.", "udp.", "icmp.", "icmpv6.", "tls.");

  private Reassembled() {}

  /**
   * The per-packet oracle's frames, where the capture needs reassembly, with the fields of {@link
   * #PREFIXES} taken from tshark run with reassembly on.
   */
  static List<Map<String, Object>> merge(
      List<Map<String, Object>> perPacket, Path capture, Path config)
      throws IOException, InterruptedException {
    if (perPacket.stream().noneMatch(frame -> frame.containsKey(TsharkOracle.NEEDS_REASSEMBLY))) {
      return perPacket;
    }
    List<Map<String, Object>> whole = TsharkOracle.decode(capture, config, true);
    List<Map<String, Object>> merged = new java.util.ArrayList<>();
    for (int i = 0; i < perPacket.size(); i++) {
      Map<String, Object> frame = new LinkedHashMap<>(perPacket.get(i));
      frame.keySet().removeIf(Reassembled::reassembledField);
      if (i < whole.size()) {
        whole
            .get(i)
            .forEach(
                (key, value) -> {
                  if (reassembledField(key)) {
                    frame.put(key, value);
                  }
                });
      }
      merged.add(frame);
    }
    return merged;
  }

  private static boolean reassembledField(String key) {
    return PREFIXES.stream().anyMatch(key::startsWith) && !key.startsWith("icmp.checksum");
  }
}
