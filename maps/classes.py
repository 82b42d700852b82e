"""Integer classes for counts and their colours, shared by the choropleth, the density layer and their legends."""

from __future__ import annotations

import math

__all__ = ["count_classes", "class_colour", "class_label", "PALETTE", "DENSITY_PALETTE"]

#: ColorBrewer YlOrRd, five classes, light to dark (incidents per department).
PALETTE = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
#: ColorBrewer YlGnBu, five classes (density): told apart from the departments' colours when both are on.
DENSITY_PALETTE = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")


def count_classes(top: int, n: int = len(PALETTE)) -> list[tuple[int, int]]:
    """At most ``n`` ranges ``(low, high)`` of whole counts covering 1..``top``, of equal width."""
    if top < 1:
        return []
    width = math.ceil(top / n)
    return [(lo, min(lo + width - 1, top)) for lo in range(1, top + 1, width)]


def class_colour(count: int, classes: list[tuple[int, int]], palette: tuple[str, ...] = PALETTE) -> str | None:
    """The colour of ``count``'s class, None for none; fewer classes than colours take colours
    spread over the palette (two classes: its lightest and darkest)."""
    last = len(palette) - 1
    for i, (lo, hi) in enumerate(classes):
        if lo <= count <= hi:
            return palette[round(i * last / (len(classes) - 1)) if len(classes) > 1 else last // 2 + 1]
    return None


def class_label(lo: int, hi: int) -> str:
    """A class as a reader says it: "3" or "4–6"."""
    return str(lo) if lo == hi else f"{lo}–{hi}"
