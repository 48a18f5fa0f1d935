#!/usr/bin/env python3
"""Draws the app icons (a white check mark on the theme colour) as PNGs.

Pure standard library, so it runs anywhere; the PNGs are committed and this
script only needs to run again when the design changes.
"""
import struct
import zlib
from pathlib import Path

THEME = (11, 92, 171)
WHITE = (255, 255, 255)


def png(width, height, pixel):
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            rows.extend(pixel(x, y))
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


def near_segment(px, py, ax, ay, bx, by, width):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    cx, cy = ax + t * dx, ay + t * dy
    return (px - cx) ** 2 + (py - cy) ** 2 <= width ** 2


def icon(size, maskable):
    # Maskable icons keep their mark inside the central 80 % safe zone and
    # fill the whole square; regular icons get rounded corners.
    scale = 0.8 if maskable else 1.0
    radius = 0 if maskable else size * 0.18
    def inside_rounded(x, y):
        if radius == 0:
            return True
        cx = min(max(x, radius), size - radius)
        cy = min(max(y, radius), size - radius)
        return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
    def mark(x, y):
        u = (x - size / 2) / (size * scale) + 0.5
        v = (y - size / 2) / (size * scale) + 0.5
        w = 0.07
        return near_segment(u, v, 0.22, 0.52, 0.42, 0.72, w) or near_segment(u, v, 0.42, 0.72, 0.80, 0.30, w)
    def pixel(x, y):
        if not inside_rounded(x + 0.5, y + 0.5):
            return (0, 0, 0, 0)
        return (*(WHITE if mark(x + 0.5, y + 0.5) else THEME), 255)
    return png(size, size, pixel)


out = Path(__file__).resolve().parent.parent / "public" / "icons"
out.mkdir(parents=True, exist_ok=True)
(out / "icon-192.png").write_bytes(icon(192, False))
(out / "icon-512.png").write_bytes(icon(512, False))
(out / "icon-maskable-512.png").write_bytes(icon(512, True))
