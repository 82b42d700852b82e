"""The placemark icon a KMZ carries: a white disc with a dark rim, drawn here as a PNG that Google Earth tints."""

from __future__ import annotations

import math
import struct
import zlib

__all__ = ["ICON_PATH", "circle_png"]

#: Where the icon sits inside a KMZ; placemark styles refer to it by this relative path.
ICON_PATH = "files/circle.png"
_RIM = 0x22  # the map markers' outline, #222222


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def circle_png(size: int = 64) -> bytes:
    """An RGBA PNG, ``size`` pixels square: white inside (the style's colour after tinting), a rim a
    sixteenth of the size wide, edges anti-aliased; the same bytes on every run."""
    centre, radius, rim = (size - 1) / 2, size / 2 - 1, size / 11
    raw = bytearray()
    for y in range(size):
        raw.append(0)  # no filter on this row
        for x in range(size):
            d = math.hypot(x - centre, y - centre)
            alpha = max(0.0, min(1.0, radius + 0.5 - d))
            inside = max(0.0, min(1.0, radius - rim + 0.5 - d))  # 1 in the white, 0 on the rim
            grey = round(_RIM + (255 - _RIM) * inside)
            raw += bytes((grey, grey, grey, round(255 * alpha)))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(bytes(raw), 9))
            + _chunk(b"IEND", b""))
