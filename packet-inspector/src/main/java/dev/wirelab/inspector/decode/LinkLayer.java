package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;
import java.util.HashMap;
import java.util.Map;

/** Picks the first decoder from the capture's link type (LINKTYPE_ numbers of the pcap spec). */
final class LinkLayer {
  private static final int MAX_8023_LENGTH = 1500;

  private LinkLayer() {}

  /**
   * The LINKTYPE_ names of the tcpdump.org list, for the link types not decoded here as well, so a
   * capture of NFLOG or USB says what it is (0-276 as the oracle names the decoded ones).
   */
  private static final Map<Integer, String> NAMES =
      names(
          "0 NULL 1 ETHERNET 3 AX25 6 IEEE802_5 7 ARCNET_BSD"
              + " 8 SLIP 9 PPP 10 FDDI 12 RAW 14 RAW 50 PPP_HDLC 51 PPP_ETHER 100 ATM_RFC1483 101 RAW 104 C_HDLC"
              + " 105 IEEE802_11 107 FRELAY 108 LOOP 113 LINUX_SLL 114 LTALK 117 PFLOG 119 IEEE802_11_PRISM"
              + " 122 IP_OVER_FC 123 SUNATM 127 IEEE802_11_RADIOTAP 129 ARCNET_LINUX 138 APPLE_IP_OVER_IEEE1394"
              + " 139 MTP2_WITH_PHDR 140 MTP2 141 MTP3 142 SCCP 143 DOCSIS 144 LINUX_IRDA 147 USER0 148 USER1 149 USER2"
              + " 150 USER3 151 USER4 152 USER5 153 USER6 154 USER7 155 USER8 156 USER9 157 USER10 158 USER11"
              + " 159 USER12 160 USER13 161 USER14 162 USER15 163 IEEE802_11_AVS 165 BACNET_MS_TP 166 PPP_PPPD"
              + " 169 GPRS_LLC 170 GPF_T 171 GPF_F 177 LINUX_LAPD 182 MFR 187 BLUETOOTH_HCI_H4 189 USB_LINUX"
              + " 192 PPI 195 IEEE802_15_4_WITHFCS 196 SITA 197 ERF 201 BLUETOOTH_HCI_H4_WITH_PHDR 202 AX25_KISS"
              + " 203 LAPD 204 PPP_WITH_DIR 205 C_HDLC_WITH_DIR 206 FRELAY_WITH_DIR 207 LAPB_WITH_DIR 209 IPMB_LINUX"
              + " 210 FLEXRAY 212 LIN 215 IEEE802_15_4_NONASK_PHY 220 USB_LINUX_MMAPPED 224 FC_2"
              + " 225 FC_2_WITH_FRAME_DELIMS 226 IPNET 227 CAN_SOCKETCAN 228 IPV4 229 IPV6 230 IEEE802_15_4_NOFCS"
              + " 231 DBUS 235 DVB_CI 236 MUX27010 237 STANAG_5066_D_PDU 239 NFLOG 240 NETANALYZER"
              + " 241 NETANALYZER_TRANSPARENT 242 IPOIB 243 MPEG_2_TS 244 NG40 245 NFC_LLCP 247 INFINIBAND 248 SCTP"
              + " 249 USBPCAP 250 RTAC_SERIAL 251 BLUETOOTH_LE_LL 253 NETLINK 254 BLUETOOTH_LINUX_MONITOR"
              + " 255 BLUETOOTH_BREDR_BB 256 BLUETOOTH_LE_LL_WITH_PHDR 257 PROFIBUS_DL 258 PKTAP 259 EPON"
              + " 260 IPMI_HPM_2 261 ZWAVE_R1_R2 262 ZWAVE_R3 263 WATTSTOPPER_DLM 264 ISO_14443 265 RDS 266 USB_DARWIN"
              + " 268 SDLC 270 LORATAP 271 VSOCK 272 NORDIC_BLE 273 DOCSIS31_XRA31 274 ETHERNET_MPACKET"
              + " 275 DISPLAYPORT_AUX 276 LINUX_SLL2 278 OPENVIZSLA 279 EBHSCR 280 VPP_DISPATCH 281 DSA_TAG_BRCM"
              + " 282 DSA_TAG_BRCM_PREPEND 283 IEEE802_15_4_TAP 284 DSA_TAG_DSA 285 DSA_TAG_EDSA 286 ELEE"
              + " 287 Z_WAVE_SERIAL 288 USB_2_0 289 ATSC_ALP 290 ETW 291 NETANALYZER_NG 292 ZBOSS_NCP"
              + " 293 USB_2_0_LOW_SPEED 294 USB_2_0_FULL_SPEED 295 USB_2_0_HIGH_SPEED 296 AUERSWALD_LOG 297 ZWAVE_TAP"
              + " 298 SILABS_DEBUG_CHANNEL 299 FIRA_UCI 300 MDB 301 DECT_NR");

  private static Map<Integer, String> names(String pairs) {
    String[] words = pairs.split(" ");
    Map<Integer, String> names = new HashMap<>();
    for (int i = 0; i + 1 < words.length; i += 2) {
      names.put(Integer.parseInt(words[i]), words[i + 1]);
    }
    return Map.copyOf(names);
  }

  /** The oracle's name for a link type: ETHERNET, LINUX_SLL, NULL, RAW, NFLOG... */
  static String name(int linkType) {
    String name = NAMES.get(linkType);
    return name != null ? name : "LINKTYPE_" + linkType;
  }

  static void decode(Dissection d, int linkType) {
    int end = d.data.length;
    switch (linkType) {
      case 1 -> Ethernet.decode(d, 0, end);
      case 113 -> LinuxCooked.decodeV1(d, end);
      case 276 -> LinuxCooked.decodeV2(d, end);
      case 0 -> loopback(d, end, false);
      case 108 -> loopback(d, end, true);
      case 12, 14, 101 -> rawIp(d, 0, end);
      case 228 -> Ipv4.decode(d, 0, end);
      case 229 -> Ipv6.decode(d, 0, end);
      default ->
          d.summary(
              "link type "
                  + name(linkType)
                  + " ("
                  + linkType
                  + ", not decoded), length "
                  + d.frame.len());
    }
  }

  /** Raw IP: the version nibble says which IP it is. */
  static void rawIp(Dissection d, int offset, int end) {
    d.need(offset, 1, end, "raw IP packet");
    int version = Bytes.u8(d.data, offset) >> 4;
    switch (version) {
      case 4 -> Ipv4.decode(d, offset, end);
      case 6 -> Ipv6.decode(d, offset, end);
      default -> throw new MalformedFrameException("raw IP packet with IP version " + version);
    }
  }

  /**
   * BSD loopback: a 4-byte address family in the byte order of the machine that captured it
   * (OpenBSD's LOOP is always big-endian). A value with its upper half set must be the other order.
   */
  private static void loopback(Dissection d, int end, boolean bigEndian) {
    d.need(0, 4, end, "loopback header");
    long family = bigEndian ? Bytes.u32(d.data, 0) : Bytes.u32le(d.data, 0);
    if ((family & 0xFFFF0000L) != 0) {
      family = bigEndian ? Bytes.u32le(d.data, 0) : Bytes.u32(d.data, 0);
    }
    int af = (int) family;
    if (af > MAX_8023_LENGTH) {
      // Some old captures put an EtherType here instead of an address family (Wireshark does the
      // same).
      Layer layer = d.layer(new Layer("BSD loopback", 2, 0, 4));
      if (d.details) {
        layer.add("Type", Bytes.hex(af & 0xFFFF, 4), "an EtherType, not an address family", 0, 4);
      }
      EtherTypes.dispatch(d, af & 0xFFFF, 4, end);
      return;
    }
    String meaning =
        switch (af) {
          case 2 -> "IPv4";
          case 10, 24, 28, 30 -> "IPv6 (the number differs between operating systems)";
          default -> "unknown address family";
        };
    Layer layer = d.layer(new Layer(bigEndian ? "OpenBSD loopback" : "BSD loopback", 2, 0, 4));
    if (d.details) {
      layer.add("Address family", String.valueOf(af), meaning, 0, 4);
    }
    d.put("null.family", af);
    switch (af) {
      case 2 -> Ipv4.decode(d, 4, end);
      case 10, 24, 28, 30 -> Ipv6.decode(d, 4, end);
      default -> d.summary("loopback, address family " + af + ", length " + d.frame.len());
    }
  }
}
