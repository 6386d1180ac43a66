#!/usr/bin/env python3
"""Draws the app icons pwa/icon-192.png and pwa/icon-512.png: a white
check mark in a white ring on the theme blue, full bleed (maskable), as
16-colour palette PNGs with anti-aliased edges. Standard library only;
run again only to change the design."""
import struct
import zlib
from pathlib import Path

BG = (0x1F, 0x5F, 0x8B)
FG = (0xFF, 0xFF, 0xFF)
LEVELS = 16


def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    cx, cy = ax + t * dx, ay + t * dy
    return ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5


def coverage(x, y):
    """How much of the unit-square design point (x, y) is white, 0..1."""
    # Ring inside the maskable safe zone (radius 0.4 of the icon).
    r = ((x - 0.5) ** 2 + (y - 0.5) ** 2) ** 0.5
    ring = 0.03 - abs(r - 0.30)
    # Check mark.
    check = 0.045 - min(seg_dist(x, y, 0.36, 0.51, 0.46, 0.61), seg_dist(x, y, 0.46, 0.61, 0.65, 0.40))
    return max(ring, check)


def png(size):
    palette = b"".join(
        bytes(round(b + (f - b) * i / (LEVELS - 1)) for b, f in zip(BG, FG)) for i in range(LEVELS)
    )
    px = 1.0 / size
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            d = coverage((i + 0.5) * px, (j + 0.5) * px)
            a = max(0.0, min(1.0, d / px + 0.5))
            row.append(round(a * (LEVELS - 1)))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 3, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"PLTE", palette) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "pwa"
    for size in (192, 512):
        (out / f"icon-{size}.png").write_bytes(png(size))
        print(f"pwa/icon-{size}.png", len(png(size)), "bytes")
