"""What the document says about where its places are: sure places, passages, qualifiers, lists, zones."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from gazetteer import Gazetteer, Place
from geo.kinds import ADMIN_KINDS, kind
from geo.mentions import LIST_GAP, Mention

__all__ = ["Evidence", "passages", "qualifier", "shared", "in_list", "enumerations", "inside", "in_zone",
           "zone_departments", "LIST_GAP"]


@dataclass
class Evidence:
    """What the document's other mentions say for sure. Only mentions whose department is
    certain (every candidate in one department) count, and a name never supports itself."""

    departments: Counter = field(default_factory=Counter)
    provinces: Counter = field(default_factory=Counter)
    own_departments: dict[str, Counter] = field(default_factory=dict)
    own_provinces: dict[str, Counter] = field(default_factory=dict)
    zones: list[tuple[str, Place]] = field(default_factory=list)
    lats: np.ndarray = field(default_factory=lambda: np.empty(0))
    lons: np.ndarray = field(default_factory=lambda: np.empty(0))
    keys: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=object))
    located: dict[int, set[tuple[str, str]]] = field(default_factory=dict)  # passage -> {(key, department)}

    @classmethod
    def build(cls, mentions: list[Mention], choice: list[Place | None], certain: list[bool],
              passage: list[int]) -> Evidence:
        ctx = cls()
        pts: dict[tuple[str, str], tuple[float, float, str]] = {}
        for m, p, sure, para in zip(mentions, choice, certain, passage):
            if p is None:
                continue
            if p.kind in ("zone", "zone_variant"):
                ctx.zones.append((m.key, p))
                continue
            if not sure or not kind(p.kind).certain_context:
                continue
            if p.admin1:
                ctx.located.setdefault(para, set()).add((m.key, p.admin1))
                ctx.departments[p.admin1] += 1
                if m.key not in ctx.own_departments:
                    ctx.own_departments[m.key] = Counter()
                ctx.own_departments[m.key][p.admin1] += 1
            if p.admin2:
                prov = (p.admin1, p.admin2)
                ctx.provinces[prov] += 1
                if m.key not in ctx.own_provinces:
                    ctx.own_provinces[m.key] = Counter()
                ctx.own_provinces[m.key][prov] += 1
            if p.kind in ("populated_place", "district"):
                pts[(m.key, p.id)] = (p.lat, p.lon, m.key)  # each place once, however often named
        pts = list(pts.values())
        if pts:
            ctx.lats = np.array([x[0] for x in pts])
            ctx.lons = np.array([x[1] for x in pts])
            ctx.keys = np.array([x[2] for x in pts], dtype=object)
        return ctx

    def others(self, key: str) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
        """The sure places of the document's other names, counted by department and by
        (department, province)."""
        own_departments, own_provinces = self.own_departments.get(key, {}), self.own_provinces.get(key, {})
        return ({dep: n - own_departments.get(dep, 0) for dep, n in self.departments.items()},
                {prov: n - own_provinces.get(prov, 0) for prov, n in self.provinces.items()})

    def zone_departments(self, gaz: Gazetteer) -> set[str]:
        """Departments that the zones named in the document reach into."""
        return {dep for _, z in self.zones for dep in zone_departments(gaz, z.id)}

    def passage_departments(self, passage: int, key: str) -> set[str]:
        """Departments of the sure places (of other names) written in the same passage."""
        return {dep for k, dep in self.located.get(passage, ()) if k != key}

    def nearest_km(self, places: list[Place], key: str) -> np.ndarray:
        """Distance from each place to the nearest point of another name (equirectangular)."""
        if not places:
            return np.empty(0)
        if len(places) * len(self.keys) <= 32:  # small: plain Python beats NumPy's overhead
            pts = [(a, b) for a, b, k in zip(self.lats.tolist(), self.lons.tolist(), self.keys) if k != key]
            return np.array([_nearest(p, pts) for p in places])
        other = self.keys != key
        if not other.any():
            return np.full(len(places), np.inf)
        lat = np.array([p.lat for p in places])[:, None]
        lon = np.array([p.lon for p in places])[:, None]
        dy = (lat - self.lats[other][None, :]) * 110.6
        dx = (lon - self.lons[other][None, :]) * 111.3 * np.cos(np.radians(lat))
        return np.sqrt(dx * dx + dy * dy).min(axis=1)


def _nearest(p: Place, pts: list[tuple[float, float]]) -> float:
    """Distance from the place to the nearest of the points (lat, lon), km (equirectangular)."""
    cos = math.cos(math.radians(p.lat))
    return min((math.hypot((p.lat - a) * 110.6, (p.lon - b) * 111.3 * cos) for a, b in pts), default=np.inf)


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*(?:\[\d+\]\(#\))?\d{1,2}\.\s)")


def passages(text: str, mentions: list[Mention]) -> list[int]:
    """The paragraph number of each mention (paragraphs end at blank lines or numbered paragraphs)."""
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    return [bisect_right(breaks, m.start) for m in mentions]




def enumerations(text: str, mentions: list[Mention]) -> list[list[int]]:
    """The indices of the mentions in each enumeration of three names or more ("Cusco, Tacna y Puno")."""
    groups, group = [], [0] if mentions else []
    for i in range(1, len(mentions)):
        if LIST_GAP.fullmatch(text, mentions[i - 1].end, mentions[i].start):
            group.append(i)
        else:
            groups.append(group)
            group = [i]
    groups.append(group)
    return [g for g in groups if len(g) >= 3]


def shared(mentions: list[Mention], qualifiers: list[Place | None]) -> list[Place | None]:
    """A name qualified once is so qualified throughout ("Santa Bárbara, Huancavelica" ... "Santa Bárbara")."""
    first: dict[str, Place] = {}
    for m, q in zip(mentions, qualifiers):
        if q is not None:
            first.setdefault(m.key, q)
    return [q if q is not None else first.get(m.key) for m, q in zip(mentions, qualifiers)]


# What stands between a name and the unit that qualifies it: "Tambo, Ayacucho", "Lima (Arequipa)",
# "Tingo María (Department of Huánuco)", "Chungui, en la provincia de La Mar".
_QUALIFIER_GAP = re.compile(
    r"\s*(?:,|\(|-|–)?\s*(?:(?:en|in)\s+)?(?:(?:the\s+|la\s+|el\s+)?(?:department|region|province|district|"
    r"departamento|región|provincia|distrito)(?:\s+(?:of|de|del))?\s+)?", re.IGNORECASE)


def in_list(text: str, mentions: list[Mention], i: int) -> bool:
    """Do the names ``i`` and ``i + 1`` stand in an enumeration of three or more ("Cusco, Tacna, Puno")?"""
    before = i > 0 and LIST_GAP.fullmatch(text, mentions[i - 1].end, mentions[i].start)
    after = i + 2 < len(mentions) and LIST_GAP.fullmatch(text, mentions[i + 1].end, mentions[i + 2].start)
    return bool(before or after)


def qualifier(text: str, i: int, mentions: list[Mention], admissible: list) -> Place | None:
    """An admin unit written right after a name qualifies it: "Tingo Maria (Department of Huanuco)",
    "Lima (Arequipa)" (the department, though "Arequipa" alone is its city)."""
    if (i + 1 >= len(mentions) or mentions[i + 1].start - mentions[i].end > 30 or not admissible[i + 1]
            or mentions[i + 1].key == mentions[i].key
            or not _QUALIFIER_GAP.fullmatch(text, mentions[i].end, mentions[i + 1].start)
            or in_list(text, mentions, i)):
        return None
    top = max(admissible[i + 1], key=lambda c: c[2])[0]
    if top.kind in ADMIN_KINDS:
        return top
    units = [p for p, _ in mentions[i + 1].candidates if p.kind in ADMIN_KINDS and p.admin1 == top.admin1]
    return min(units, key=lambda p: ADMIN_KINDS[p.kind], default=None) if top.kind == "populated_place" else None


def inside(p: Place, unit: Place) -> bool:
    """Does the place lie in the unit (and is not the unit itself)?"""
    if unit.kind in ("department", "region"):
        return p.admin1 == unit.admin1 and p.id != unit.id
    if unit.kind == "province":
        return p.admin1 == unit.admin1 and p.admin2 == unit.admin2 and p.id != unit.id
    return p.admin1 == unit.admin1 and p.admin3 == unit.admin3 and p.id != unit.id


def in_zone(p: Place, zone: Place, gaz: Gazetteer) -> bool:
    """Is the town's or district's district one of the zone's?"""
    code = p.ubigeo if p.kind == "district" else (p.parent_id or "").removeprefix("district:")
    return code in zone_members(gaz, zone.id)


@lru_cache(maxsize=64)
def zone_departments(gaz: Gazetteer, zone_id: str) -> frozenset[str]:
    """The names of the departments a zone reaches into."""
    return frozenset(gaz.get(f"department:{code}").name for code in gaz.zone(zone_id)["departments"])


@lru_cache(maxsize=64)
def zone_members(gaz: Gazetteer, zone_id: str) -> frozenset[str]:
    """The ubigeo codes of a zone's districts."""
    return frozenset(gaz.zone(zone_id)["members"])
