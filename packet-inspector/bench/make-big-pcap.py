#!/usr/bin/env python3
"""make-big-pcap.py OUT.pcap FRAMES [CAPTURE...] — a large Ethernet pcap for the inspector benchmark.

Replays the Ethernet frames of real captures (each moved to start at the same time) (pcap or pcapng) over and over until FRAMES frames
are written. Each round shifts the timestamps past the previous round and the TCP/UDP ports by
the round number, so the result looks like many connections rather than one capture repeated.
Written with a fixed-size buffer: the output can be far bigger than memory.
"""
import struct
import sys


def frames(path):
    """(seconds, micros, bytes) of every Ethernet frame in a classic pcap or pcapng file."""
    data = open(path, "rb").read()
    magic = data[:4]
    if magic in (b"\xd4\xc3\xb2\xa1", b"\xa1\xb2\xc3\xd4", b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\x3c\x4d"):
        e = "<" if magic[0] in (0xd4, 0x4d) else ">"
        nano = magic in (b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\x3c\x4d")
        if struct.unpack(e + "I", data[20:24])[0] & 0xFFFF != 1:
            return
        at = 24
        while at + 16 <= len(data):
            sec, frac, cap, _ = struct.unpack(e + "IIII", data[at:at + 16])
            yield sec, frac // 1000 if nano else frac, data[at + 16:at + 16 + cap]
            at += 16 + cap
    elif magic == b"\x0a\x0d\x0d\x0a":
        e, at, links = "<", 0, []
        while at + 12 <= len(data):
            if data[at:at + 4] == b"\x0a\x0d\x0d\x0a":
                e = "<" if data[at + 8:at + 12] == b"\x4d\x3c\x2b\x1a" else ">"
                links = []
            btype, blen = struct.unpack(e + "II", data[at:at + 8])
            if btype == 1:
                links.append(struct.unpack(e + "H", data[at + 8:at + 10])[0])
            elif btype == 6:
                iface, hi, lo, cap, _ = struct.unpack(e + "IIIII", data[at + 8:at + 28])
                if links[iface] == 1:
                    ts = (hi << 32) | lo
                    yield ts // 1_000_000, ts % 1_000_000, data[at + 28:at + 28 + cap]
            at += blen


def shift_ports(frame, delta):
    """Adds delta to the TCP/UDP ports of an untagged Ethernet/IPv4 frame (checksums are not fixed)."""
    if len(frame) < 38 or frame[12:14] != b"\x08\x00" or frame[23] not in (6, 17):
        return frame
    ihl = (frame[14] & 15) * 4
    at = 14 + ihl
    if len(frame) < at + 4:
        return frame
    src, dst = struct.unpack(">HH", frame[at:at + 4])
    ports = struct.pack(">HH", (src + delta) % 65536 if src > 1024 else src, (dst + delta) % 65536 if dst > 1024 else dst)
    return frame[:at] + ports + frame[at + 4:]


def main():
    out_path, total, sources = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    seed = []
    for path in sources:
        own = list(frames(path))
        if own:
            start = own[0][0]
            seed += [(sec - start, usec, frame) for sec, usec, frame in own]
    if not seed:
        sys.exit("make-big-pcap: no Ethernet frames in " + " ".join(sources))
    span = max(f[0] for f in seed) + 1
    base = 1_700_000_000
    with open(out_path, "wb", buffering=1 << 20) as out:
        out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        written, round_ = 0, 0
        while written < total:
            for sec, usec, frame in seed:
                if written == total:
                    break
                frame = shift_ports(frame, round_)
                out.write(struct.pack("<IIII", base + sec + round_ * span, usec, len(frame), len(frame)))
                out.write(frame)
                written += 1
            round_ += 1


if __name__ == "__main__":
    main()
