"""Relative locations ("about 200 kilometers east of Lima") and direction qualifiers ("northern X")."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import shapely

from geo.lang import languages, lexicon

if TYPE_CHECKING:
    from geo.resolve import ResolvedMention

__all__ = ["RelativeLocation", "find_relative", "narrow_direction", "relative_area", "direction_part",
           "BEARINGS"]

BEARINGS = {
    "north": 0, "northeast": 45, "north-east": 45, "east": 90, "southeast": 135, "south-east": 135,
    "south": 180, "southwest": 225, "south-west": 225, "west": 270, "northwest": 315, "north-west": 315,
    "norte": 0, "noreste": 45, "nororiente": 45, "este": 90, "oriente": 90, "sureste": 135,
    "suroriente": 135, "sur": 180, "suroeste": 225, "suroccidente": 225, "oeste": 270,
    "occidente": 270, "noroeste": 315, "noroccidente": 315,
}
_UNITS = {"kilometers": 1.0, "kilometres": 1.0, "km": 1.0, "kms": 1.0, "kilómetros": 1.0,
          "kilometros": 1.0, "miles": 1.609344, "mile": 1.609344, "mi": 1.609344}
_APPROX = r"about|some|approximately|roughly|nearly|around|almost|unos|unas|aproximadamente|cerca de|a unos|a"
#: A distance, its unit, a bearing and "of"/"from" ("200 kilometers east of", "50 km al sur de"): starting
#: with its figure, so that the matcher looks only where a digit stands.
_RELATIVE = re.compile(
    r"(?P<num>\d\d{0,3}(?:[.,]\d+)?)\s*(?P<unit>kilometers|kilometres|kilómetros|"
    r"kilometros|kms|km|miles|mile|mi)\b(?:\s*\(\d+\s*(?:km|miles|kilometers)\))?\s+"
    r"(?:(?:to\s+the|al)\s+)?(?P<dir>" + "|".join(sorted(BEARINGS, key=len, reverse=True)) + r")?"
    r"(?:\s*\b(?P<prep>of|from|de|del)\b)?", re.IGNORECASE)
#: The word of approximation ("about", "unos") that may stand before the figure, read back from it.
_APPROX_BEFORE = re.compile(rf"(?P<approx>{_APPROX})?\s*\Z", re.IGNORECASE)
_APPROX_REACH = 40  # characters before a figure that its word of approximation may start at
_UNIT_WORD = re.compile(r"\d\s*(?:k|mi)", re.IGNORECASE)


@dataclass
class RelativeLocation:
    """A distance and bearing from an anchor place, with the place it locates."""

    distance_km: float
    bearing: float | None
    anchor: ResolvedMention
    target: ResolvedMention | None
    text: str
    end: int = 0  # where the expression ends in the document
    approximate: bool = True

    def describe(self) -> str:
        way = f" at bearing {self.bearing:.0f}°" if self.bearing is not None else ""
        return f"{self.distance_km:.0f} km{way} from {self.anchor.place.name if self.anchor.place else '?'}"

    def geometry(self):
        """The area meant: an annulus sector (or a ring without a bearing) around the anchor."""
        if self.anchor.lat is None:
            return None
        return relative_area(self.anchor.lat, self.anchor.lon, self.distance_km, self.bearing)


def relative_area(lat: float, lon: float, distance_km: float, bearing: float | None, *, spread: float = 0.25,
                  half_angle: float = 30.0, steps: int = 12):
    """The area ``distance_km`` (give or take ``spread``) from (lat, lon): an annulus sector of
    ``half_angle`` either side of ``bearing``, or a whole ring without one."""
    near, far = distance_km * (1 - spread), distance_km * (1 + spread)
    if bearing is None:
        angles = [i * 360 / (steps * 3) for i in range(steps * 3)]
    else:
        angles = [bearing - half_angle + i * 2 * half_angle / steps for i in range(steps + 1)]

    geod = _wgs84()
    count = len(angles)

    def ring(km: float) -> list[tuple[float, float]]:  # the geodesic destinations, all at once
        lons, lats, _ = geod.fwd([lon] * count, [lat] * count, angles, [km * 1000.0] * count)
        return list(zip(lons, lats))

    outer, inner = ring(far), ring(near)
    if bearing is None:
        return shapely.Polygon(outer, [inner[::-1]])
    return shapely.make_valid(shapely.Polygon(outer + inner[::-1]))


@cache
def _wgs84():
    """The WGS 84 ellipsoid's geodesics (pyproj's, as geopy's distances measure them)."""
    from pyproj import Geod  # only when a relative place is drawn

    return Geod(ellps="WGS84")


#: What ends the anchor phrase after "from": a comma or another preposition ("300 miles from the capital,
#: in the Ayacucho region" names no anchor; Ayacucho is where it happened).
_BREAK = re.compile(r"[,;(]|\b(?:in|en|at|near|cerca|within|dentro)\b", re.IGNORECASE)


def find_relative(text: str, resolved: list[ResolvedMention]) -> list[RelativeLocation]:
    """Relative expressions in the text, each tied to its anchor and to the place it locates."""
    out: list[RelativeLocation] = []
    if not _UNIT_WORD.search(text):
        return out
    ordered = sorted((r for r in resolved if r.place is not None), key=lambda r: r.mention.start)
    starts = [r.mention.start for r in ordered]
    told = 0  # where the last expression ended: the next one's words start after it
    for m in _RELATIVE.finditer(text):
        since, told = told, m.end()
        if not m.group("dir") and not m.group("prep"):
            continue
        km = float(m.group("num").replace(",", ".")) * _UNITS[m.group("unit").lower()]
        bearing = BEARINGS.get((m.group("dir") or "").lower())
        i = bisect_left(starts, m.end())
        after = [r for r in ordered[i:i + 3] if r.mention.start - m.end() <= 40
                 and not _BREAK.search(text, m.end(), r.mention.start)]  # not "from the capital, in X"
        j = bisect_left(starts, m.start())
        before = [r for r in ordered[max(0, j - 3):j] if r.mention.end <= m.start()
                  and m.start() - r.mention.end <= 120]
        if not (m.group("prep") and after):
            continue  # "some 200 km to the southeast" with no anchor named: nothing to narrow
        before_figure = _APPROX_BEFORE.search(text, max(since, m.start() - _APPROX_REACH), m.start())
        # "from Peru's capital of Lima": the most specific place named there is the anchor
        anchor = min(after, key=lambda r: r.place.kind == "country")
        target = before[-1] if before else None
        out.append(RelativeLocation(km, bearing, anchor, target, text[before_figure.start():m.end()].strip(),
                                    end=m.end(), approximate=bool(before_figure.group("approx"))))
    return out


def narrow_direction(text: str, start: int):
    """("northern", function giving that part of a polygon) when a direction word precedes ``start``."""
    words, stems, pattern = _part_words()
    window = text[max(0, start - 30):start].lower()
    if not stems.search(window):
        return None
    m = pattern.search(window)
    if not m:
        return None
    parts = words[m.group("adj") or m.group("noun")]
    label = "central" if parts == ("central",) else "-".join(parts) + "ern"
    return label, lambda geom: direction_part(geom, label)


def direction_part(geom, label: str):
    """The part of ``geom`` a direction label names ("northern", "south-western", "central"):
    a half, a quarter or the middle of its bounding box."""
    x0, y0, x1, y1 = geom.bounds
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    box = [x0, y0, x1, y1]
    if label == "central":
        dx, dy = (x1 - x0) / 4, (y1 - y0) / 4
        return geom.intersection(shapely.box(x0 + dx, y0 + dy, x1 - dx, y1 - dy))
    for p in label.removesuffix("ern").split("-"):
        if p == "north":
            box[1] = my
        elif p == "south":
            box[3] = my
        elif p == "east":
            box[0] = mx
        elif p == "west":
            box[2] = mx
        else:
            raise ValueError(f"{label!r} is no direction label (northern, south-western, central, ...)")
    return geom.intersection(shapely.box(*box))


@cache
def _part_words() -> tuple[dict[str, tuple[str, ...]], re.Pattern, re.Pattern]:
    """Every language's direction words for a part of a place, a pattern for the shortest strings one
    of them holds (a cheap test before the other), and one whole-word pattern that finds them right
    before a name ("northern ", "el oeste de ", "the south of ")."""
    words: dict[str, tuple[str, ...]] = {}
    adjectives, nouns, articles, links = set(), set(), set(), set()
    for code in languages():
        lang = lexicon(code)
        words |= lang.PART_ADJECTIVES | lang.PART_NOUNS
        adjectives |= set(lang.PART_ADJECTIVES)
        nouns |= set(lang.PART_NOUNS)
        articles |= set(lang.PART_ARTICLES)
        links |= set(lang.PART_LINKS)

    def alt(xs):
        return "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(xs, key=len, reverse=True))

    pattern = re.compile(rf"(?<![\w-])(?:(?P<adj>{alt(adjectives)})|(?:{alt(articles)})\s+(?P<noun>{alt(nouns)})"
                         rf"\s+(?:{alt(links)}))\s+$")
    stems = sorted({w for w in words if not any(o in w for o in words if o != w)})
    return words, re.compile("|".join(map(re.escape, stems))), pattern
