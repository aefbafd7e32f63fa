package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/** Ethernet II and the 802.1Q / 802.1ad VLAN tags that may follow its addresses. */
final class Ethernet {
  private Ethernet() {}

  static void decode(Dissection d, int offset, int end) {
    d.need(offset, 14, end, "Ethernet header");
    byte[] data = d.data;
    int type = Bytes.u16(data, offset + 12);
    Layer layer = d.layer(new Layer("Ethernet II", 2, offset, offset + 14));
    if (d.details || d.json) {
      String dst = Bytes.mac(data, offset);
      String src = Bytes.mac(data, offset + 6);
      if (d.details) {
        layer
            .add("Destination", dst, macMeaning(data, offset), offset, 6)
            .add("Source", src, "the sending network card", offset + 6, 6)
            .add("Type", Bytes.hex(type, 4), EtherTypes.name(type), offset + 12, 2);
      }
      d.put("eth.src", src);
      d.put("eth.dst", dst);
    }
    if (type > 1500) {
      if (d.json) {
        d.put("eth.type", type);
      }
      EtherTypes.dispatch(d, type, offset + 14, end);
    } else {
      d.summary("802.3 frame, length field " + type + " (LLC not decoded)");
    }
  }

  private static String macMeaning(byte[] data, int offset) {
    boolean broadcast = true;
    for (int i = 0; i < 6; i++) {
      broadcast &= data[offset + i] == (byte) 0xFF;
    }
    if (broadcast) {
      return "broadcast: every host on the segment";
    }
    return (data[offset] & 1) != 0 ? "multicast group" : "the receiving network card";
  }

  static void vlanTag(Dissection d, int tpid, int offset, int end) {
    d.need(offset, 4, end, "VLAN tag");
    int tci = Bytes.u16(d.data, offset);
    int type = Bytes.u16(d.data, offset + 2);
    int id = tci & 0x0FFF;
    boolean serviceTag = tpid != EtherTypes.VLAN;
    Layer layer =
        d.layer(new Layer(serviceTag ? "802.1ad S-tag" : "802.1Q VLAN", 2, offset, offset + 4));
    if (d.details) {
      layer
          .add("Priority", String.valueOf(tci >> 13), "class of service 0 (lowest) to 7", offset, 2)
          .add(
              "Drop eligible",
              String.valueOf((tci >> 12) & 1),
              "1 = may be dropped first when congested",
              offset,
              2)
          .add("VLAN ID", String.valueOf(id), "the virtual LAN this frame belongs to", offset, 2)
          .add("Type", Bytes.hex(type, 4), EtherTypes.name(type), offset + 2, 2);
    }
    d.addVlan(serviceTag, id);
    if (!serviceTag) {
      d.put("vlan.etype", type);
    }
    EtherTypes.dispatch(d, type, offset + 4, end);
  }
}
