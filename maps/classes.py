"""Integer classes for counts and their colours, shared by the choropleth, the density layer and their legends."""

from __future__ import annotations

import math

__all__ = ["count_classes", "class_colour", "class_label", "PALETTE"]

#: ColorBrewer YlOrRd, five classes, light to dark.
PALETTE = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")


def count_classes(top: int, n: int = len(PALETTE)) -> list[tuple[int, int]]:
    """At most ``n`` ranges ``(low, high)`` of whole counts covering 1..``top``, of equal width."""
    if top < 1:
        return []
    width = math.ceil(top / n)
    return [(lo, min(lo + width - 1, top)) for lo in range(1, top + 1, width)]


def class_colour(count: int, classes: list[tuple[int, int]]) -> str | None:
    """The colour of ``count``'s class (the darkest classes for the fewest classes), None for none."""
    offset = len(PALETTE) - len(classes)
    for i, (lo, hi) in enumerate(classes):
        if lo <= count <= hi:
            return PALETTE[offset + i]
    return None


def class_label(lo: int, hi: int) -> str:
    """A class as a reader says it: "3" or "4–6"."""
    return str(lo) if lo == hi else f"{lo}–{hi}"
