#!/usr/bin/env python3
"""Draws the page's PNG icons (www/icons/icon-192.png, icon-512.png) from the
same shapes as www/icons/icon.svg, with nothing but zlib and struct: rounded
rectangles rendered with signed distances (anti-aliased), written as RGBA PNG.

    python3 scripts/make_icons.py
"""
import math
import struct
import zlib
from pathlib import Path

# (x, y, width, height, radius, colour) in a 512×512 design, back to front.
SHAPES = [
    (0, 0, 512, 512, 112, (0x0B, 0x6B, 0x5D)),
    (128, 88, 256, 336, 28, (0xFD, 0xFC, 0xF7)),
    (168, 148, 176, 22, 11, (0x0B, 0x6B, 0x5D)),
    (160, 204, 192, 40, 10, (0xFF, 0xD4, 0x3B)),
    (168, 213, 150, 22, 11, (0x0B, 0x6B, 0x5D)),
    (168, 278, 176, 22, 11, (0x0B, 0x6B, 0x5D)),
    (168, 334, 120, 22, 11, (0x0B, 0x6B, 0x5D)),
]


def rounded_rect_distance(px, py, x, y, w, h, r):
    """Signed distance from (px, py) to a rounded rectangle (negative inside)."""
    cx, cy = x + w / 2, y + h / 2
    qx = abs(px - cx) - (w / 2 - r)
    qy = abs(py - cy) - (h / 2 - r)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    inside = min(max(qx, qy), 0.0)
    return outside + inside - r


def render(size):
    scale = size / 512
    rows = []
    for j in range(size):
        row = bytearray([0])  # filter type 0 (None)
        for i in range(size):
            # Pixel centre in design units.
            px, py = (i + 0.5) / scale, (j + 0.5) / scale
            r = g = b = a = 0.0
            for (x, y, w, h, rad, (cr, cg, cb)) in SHAPES:
                d = rounded_rect_distance(px, py, x, y, w, h, rad) * scale  # in pixels
                cov = min(1.0, max(0.0, 0.5 - d))
                if cov <= 0:
                    continue
                # "over" compositing, premultiplied
                r = cr / 255 * cov + r * (1 - cov)
                g = cg / 255 * cov + g * (1 - cov)
                b = cb / 255 * cov + b * (1 - cov)
                a = cov + a * (1 - cov)
            if a > 0:
                row += bytes((round(r / a * 255), round(g / a * 255), round(b / a * 255), round(a * 255)))
            else:
                row += b"\0\0\0\0"
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, pixels):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels, 9)) + chunk(b"IEND", b"")


def main():
    out = Path(__file__).resolve().parent.parent / "www" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        path = out / f"icon-{size}.png"
        path.write_bytes(png(size, render(size)))
        print(f"{path}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
