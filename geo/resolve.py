"""Resolve each mention to one place, using cue words, the document's other places and priors."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from gazetteer import AREA_KINDS, Gazetteer, Place, fold
from geo.document import Document
from geo.kinds import CUE_KINDS
from geo.mentions import Mention
from geo.relative import RelativeLocation, find_relative, narrow_direction

__all__ = ["ResolvedMention", "resolve", "WHERE_PREC", "geo_precision"]

#: UCDP where_prec by kind: 1 exact place, 2 near a place, 3 district or province,
#: 4 department, 5 part of the country (zone, river, area), 6 country.
WHERE_PREC = {"populated_place": 1, "mountain": 2, "lake": 5, "district": 3, "province": 3,
              "department": 4, "region": 4, "zone": 5, "zone_variant": 5, "river": 5,
              "natural_region": 5, "country": 6}
_KIND_PRIOR = {"country": 4.0, "department": 3.0, "region": 1.0, "province": 2.4, "district": 2.1,
               "zone": 3.5, "zone_variant": -1.0, "river": 0.8, "lake": 2.0, "mountain": 2.0,
               "natural_region": 2.0, "populated_place": 1.0}
_HOW_PENALTY = {"fuzzy": 0.8, "spelling_variant": 0.6, "first_word": 0.5, "surname": 0.5, "short_form": 0.3, "capital_of": 0.3,
                "spacing": 0.2, "inei_2007": 0.1}
# Phrases before a name that make it a place people came from or returned to, not an event place.
_OTHER_HINTS = ("return", "based", "base in", "headquartered", "fled to", "regresaban", "con base", "trasladados")
_OTHER_ROLE = re.compile(r"\b(?:returning to|return to|returned to|based in|base in|headquartered in|"
                         r"fled to|regresaban a|con base en|trasladados a)\b[^.;]{0,30}$", re.IGNORECASE)


def geo_precision(where_prec: int) -> int:
    """ACLED geo_precision (1 town, 2 near or part of a district, 3 larger region) from where_prec."""
    return 1 if where_prec <= 1 else 2 if where_prec <= 3 else 3


@dataclass(slots=True)
class ResolvedMention:
    """A mention with the place it names, how precisely, how sure we are and why."""

    mention: Mention
    place: Place | None
    where_prec: int
    confidence: float
    role: str = "event"  # "event", "reference" (a point others are located from) or "other"
    reason: str = ""
    footprint: object = None  # shapely geometry of the area meant, when it is an area
    lat: float | None = None
    lon: float | None = None
    relative: RelativeLocation | None = None
    alternatives: list[str] = field(default_factory=list)

    @property
    def geo_precision(self) -> int:
        return geo_precision(self.where_prec)

    def __reduce__(self):
        # Between processes, a footprint that is the place's own geometry travels as the place.
        values = {f: getattr(self, f) for f in self.__dataclass_fields__}
        if self.place is not None and self.footprint is not None and self.footprint is self.place.geometry:
            values["footprint"] = _PLACE_FOOTPRINT
        return (_restore, (values,))

    def record(self) -> dict:
        """The JSONL record of this mention (the fields ../shared/eval/score.py reads, and more)."""
        p = self.place
        return {
            "text": self.mention.text, "start": self.mention.start, "end": self.mention.end,
            "place_id": p.id if p else None, "name": p.name if p else self.mention.text,
            "kind": p.kind if p else (self.mention.marked_as or "other"),
            "admin1": p.admin1 if p else None, "admin2": p.admin2 if p else None,
            "admin3": p.admin3 if p else None,
            "lat": None if self.lat is None else round(self.lat, 5),
            "lon": None if self.lon is None else round(self.lon, 5),
            "where_prec": self.where_prec, "geo_precision": self.geo_precision,
            "confidence": round(self.confidence, 3), "role": self.role, "cue": self.mention.cue,
            "marked_as": self.mention.marked_as, "reason": self.reason,
        }


_PLACE_FOOTPRINT = "place footprint"


def _restore(values: dict) -> ResolvedMention:
    if isinstance(values["footprint"], str) and values["footprint"] == _PLACE_FOOTPRINT:
        values["footprint"] = values["place"].geometry
    return ResolvedMention(**values)


@dataclass
class _Context:
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
              passage: list[int]) -> _Context:
        ctx = cls()
        pts: dict[tuple[str, str], tuple[float, float, str]] = {}
        for m, p, sure, para in zip(mentions, choice, certain, passage):
            if p is None:
                continue
            if p.kind in ("zone", "zone_variant"):
                ctx.zones.append((m.key, p))
                continue
            if not sure or p.kind in ("country", "river", "natural_region", "lake", "mountain"):
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

    def department_hits(self, admin1: str | None, key: str) -> int:
        return self.departments.get(admin1, 0) - self.own_departments.get(key, {}).get(admin1, 0)

    def province_hits(self, admin1: str | None, admin2: str | None, key: str) -> int:
        prov = (admin1, admin2)
        return self.provinces.get(prov, 0) - self.own_provinces.get(key, {}).get(prov, 0)

    def zone_departments(self, gaz: Gazetteer) -> set[str]:
        """Departments that the zones named in the document reach into."""
        return {dep for _, z in self.zones for dep in _zone_departments(gaz, z.id)}

    def passage_departments(self, passage: int, key: str) -> set[str]:
        """Departments of the sure places (of other names) written in the same passage."""
        return {dep for k, dep in self.located.get(passage, ()) if k != key}

    def nearest_km(self, places: list[Place], key: str) -> np.ndarray:
        """Distance from each place to the nearest point of another name (equirectangular)."""
        if not places:
            return np.empty(0)
        if len(places) * len(self.keys) <= 32:  # small: plain Python beats NumPy's overhead
            pts = [(a, b) for a, b, k in zip(self.lats, self.lons, self.keys) if k != key]
            return np.array([min((math.hypot((p.lat - a) * 110.6, (p.lon - b) * 111.3 * math.cos(math.radians(p.lat)))
                                  for a, b in pts), default=np.inf) for p in places])
        other = self.keys != key
        if not other.any():
            return np.full(len(places), np.inf)
        lat = np.array([p.lat for p in places])[:, None]
        lon = np.array([p.lon for p in places])[:, None]
        dy = (lat - self.lats[other][None, :]) * 110.6
        dx = (lon - self.lons[other][None, :]) * 111.3 * np.cos(np.radians(lat))
        return np.sqrt(dx * dx + dy * dy).min(axis=1)


def resolve(doc: Document, mentions: list[Mention], gazetteer: Gazetteer | None = None) -> list[ResolvedMention]:
    """Choose one place per mention and state its precision, role and footprint."""
    gaz = gazetteer or Gazetteer.load()
    admissible = [_admissible(m) for m in mentions]
    certain = [_certain(a) for a in admissible]
    passage = _passages(doc.text, mentions)
    qualifiers = _shared(mentions, [_qualifier(doc.text, i, mentions, admissible) for i in range(len(mentions))])
    choice = [max(a, key=lambda c: c[2])[0] if a else None for a in admissible]
    # A first pass with the priors' choices as context, then the final pass with the first's.
    # The same name in the same passage gets the same answer: it is worked out once.
    ctx = _Context.build(mentions, choice, certain, passage)
    memo: dict[tuple, tuple] = {}

    def choose(i: int):
        m = mentions[i]
        key = (m.key, m.cue_kind, m.marked_as, passage[i], id(qualifiers[i]))
        if key not in memo:
            memo[key] = _choose(m, admissible[i], qualifiers[i], ctx, gaz, passage[i])
        return memo[key]

    choice = [choose(i)[0] if len(admissible[i]) > 1 else choice[i] for i in range(len(mentions))]
    ctx = _Context.build(mentions, choice, certain, passage)
    memo.clear()
    picks = _parallel_lists(doc.text, mentions, [choose(i) for i in range(len(mentions))])
    out: list[ResolvedMention] = []
    for i, m in enumerate(mentions):
        place, margin, reason, others, placed_here = picks[i]
        if m.foreign and place is not None and not placed_here:
            continue  # "San Francisco", "Santiago": a foreign city unless the document places it here
        if place is None:
            out.append(_unknown_place(i, m, mentions, choice, gaz))
            continue
        r = ResolvedMention(m, place, WHERE_PREC.get(place.kind, 3), _confidence(margin, len(admissible[i])),
                            reason=reason, lat=place.lat, lon=place.lon, alternatives=others)
        if place.kind in AREA_KINDS:
            r.footprint = place.geometry
        out.append(r)
    _roles_and_relative(doc, out, gaz)
    return out


def _shared(mentions: list[Mention], qualifiers: list[Place | None]) -> list[Place | None]:
    """A name qualified once is so qualified throughout ("Santa Bárbara, Huancavelica" ... "Santa Bárbara")."""
    first: dict[str, Place] = {}
    for m, q in zip(mentions, qualifiers):
        if q is not None:
            first.setdefault(m.key, q)
    return [q if q is not None else first.get(m.key) for m, q in zip(mentions, qualifiers)]


# What stands between two names of one enumeration: "Cusco, Tacna", "Tacna y Puno", "Tacna, and Puno".
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:y|e|and)|\s+(?:y|e|and)\s*,?)\s*", re.IGNORECASE)


def _parallel_lists(text: str, mentions: list[Mention], picks: list[tuple]) -> list[tuple]:
    """Names in one enumeration are of one kind: in a list of three or more names where most
    are departments, each name that can be a department is one ("Cusco, Moquegua, Tacna y Puno")."""
    groups, group = [], [0] if mentions else []
    for i in range(1, len(mentions)):
        if _LIST_GAP.fullmatch(text, mentions[i - 1].end, mentions[i].start):
            group.append(i)
        else:
            groups.append(group)
            group = [i]
    groups.append(group)
    picks = list(picks)
    for group in (g for g in groups if len(g) >= 3):
        departments = [i for i in group if picks[i][0] is not None and picks[i][0].kind == "department"]
        if 2 * len(departments) <= len(group):
            continue
        names = ", ".join(mentions[i].text for i in departments[:3])
        for i in group:
            dep = next((p for p, _ in mentions[i].candidates if p.kind == "department"), None)
            if dep is not None and i not in departments:
                old = picks[i][0]
                picks[i] = (dep, 1.0, f"one of a list of departments ({names}, ...)",
                            [old.id] if old is not None else [], True)
    return picks


def _certain(admissible: list[tuple[Place, str, float]]) -> bool:
    """Is the mention's department beyond doubt: one department, or one candidate far ahead?"""
    if len({p.admin1 for p, _, _ in admissible}) == 1:
        return True
    priors = sorted((c[2] for c in admissible), reverse=True)
    return len(priors) > 1 and priors[0] - priors[1] >= 1.5


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*(?:\[\d+\]\(#\))?\d{1,2}\.\s)")


def _passages(text: str, mentions: list[Mention]) -> list[int]:
    """The paragraph number of each mention (paragraphs end at blank lines or numbered paragraphs)."""
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    return [bisect_right(breaks, m.start) for m in mentions]


_ADMISSIBLE: dict[tuple, list] = {}


def _admissible(m: Mention) -> list[tuple[Place, str, float]]:
    """The candidates the cue words and capitals leave, as (place, how, prior score), best first."""
    if m.marked_as and m.marked_as not in ("town",):
        return []  # a street, bridge or area named like a place elsewhere
    key = (m.key, m.cue_kind, len(m.candidates), m.candidates[0][1] if m.candidates else None)
    found = _ADMISSIBLE.get(key)
    if found is None:
        if len(_ADMISSIBLE) > 100_000:
            _ADMISSIBLE.clear()
        found = _ADMISSIBLE[key] = _rank_candidates(m)
    return found


def _rank_candidates(m: Mention) -> list[tuple[Place, str, float]]:
    cands = m.candidates
    kept = [c for c in cands if c[0].kind in CUE_KINDS[m.cue_kind]] if m.cue_kind else []
    if not kept:
        kept = _collapse_capitals([c for c in cands if c[0].kind != "zone_variant"])
    return sorted(((p, how, _prior(p, how)) for p, how in kept), key=lambda c: -c[2])


_ADMIN_LEVEL = {"department": 0, "region": 1, "province": 2, "district": 3}


def _collapse_capitals(cands: list[tuple[Place, str]]) -> list[tuple[Place, str]]:
    """Drop the same-named units and town that share a unit's capital: "Ayacucho" is the
    department whose capital is Ayacucho, unless the town holds most of the unit's people
    (a metropolis such as Lima is meant as the city)."""
    units = sorted((c for c in cands if c[0].kind in _ADMIN_LEVEL), key=lambda c: _ADMIN_LEVEL[c[0].kind])
    if not units:
        return cands
    top = units[0][0]
    seat = [c for c in cands if c[0] is not top and c[0].admin1 == top.admin1
            and abs(c[0].lat - top.lat) < 0.05 and abs(c[0].lon - top.lon) < 0.05]
    metropolis = [c for c in seat if c[0].kind == "populated_place" and c[1] != "capital_of"
                  and (c[0].population or 0) > 0.5 * (top.population or 1)]
    drop = {id(c) for c in seat} | ({id(units[0])} if metropolis else set())
    return [c for c in cands if id(c) not in drop] + metropolis[:1]


def _prior(p: Place, how: str) -> float:
    score = _KIND_PRIOR.get(p.kind, 1.0) - _HOW_PENALTY.get(how, 0.0)
    if p.kind in ("populated_place", "district"):
        score += 0.25 * math.log10((p.population or 0) + 1) - (1.0 if p.kind == "district" else 0.0)
        score += 0.3 if (p.note or "").endswith("urban") else 0.0
    return score


def _choose(m: Mention, admissible: list[tuple[Place, str, float]], qualifier: Place | None, ctx: _Context,
            gaz: Gazetteer, passage: int):
    if not admissible:
        return None, 0.0, "no gazetteer place", [], False
    if len(admissible) == 1 and not m.foreign and qualifier is None:
        return admissible[0][0], 5.0, "the only candidate", [], False
    here = ctx.passage_departments(passage, m.key)
    if len(admissible) > 8:  # "Santa Rosa": only the likeliest and those the context points to
        relevant = here | set(ctx.departments) | ctx.zone_departments(gaz)
        admissible = admissible[:5] + [c for c in admissible[5:] if c[0].admin1 in relevant]
    local = [p for p, _, _ in admissible if p.kind in ("district", "populated_place")]
    near = dict(zip((id(p) for p in local), ctx.nearest_km(local, m.key))) if len(ctx.keys) and len(admissible) > 1 else {}
    scored = []
    for p, how, prior in admissible:
        score, why = prior, []
        support: list[tuple[float, str]] = []
        dep_hits = ctx.department_hits(p.admin1, m.key)
        if p.kind not in ("region", "country") and dep_hits > 0:
            support.append((1.5 + 0.2 * min(dep_hits, 5),
                            f"department {p.admin1} named in the document" if p.kind != "department"
                            else f"department of {dep_hits} other places in the document"))
        if p.kind in ("district", "populated_place"):
            if ctx.province_hits(p.admin1, p.admin2, m.key) > 0:
                support.append((2.0, f"province {p.admin2} named in the document"))
            for key, z in ctx.zones:
                if key != m.key and _in_zone(p, z, gaz):
                    support.append((2.0, f"inside the {z.name} named in the document"))
                    break
        if support:
            support.sort(key=lambda s: -s[0])
            score += support[0][0] + 0.3 * (len(support) - 1)
            why += [w for _, w in support]
        if p.admin1 and p.kind not in ("region", "country") and p.admin1 in here:
            score += 2.0
            why.append(f"{p.admin1} named in the same passage")
        if p.kind in ("district", "populated_place"):
            d = near.get(id(p), np.inf)
            if d < 60:
                score += 0.8
                why.append(f"{d:.0f} km from another place in the document")
        qualified = qualifier is not None and _inside(p, qualifier)
        if qualified:
            score += 4.0
            why.append(f"qualified by {qualifier.name}")
        if m.cue_kind and p.kind in CUE_KINDS[m.cue_kind]:
            score += 1.0
            why.append(f"cue word '{m.cue}'")
        scored.append((score, p, why, bool(support) or qualified))
    anchor = _prominent_reading(m, admissible, gaz)
    if anchor is not None and not (qualifier is not None and any(_inside(x[1], qualifier) for x in scored)):
        # weak context cannot move a department, its capital or a famous district elsewhere
        kept = [x for x in scored if x[1] is anchor or (anchor.admin1 and x[1].admin1 == anchor.admin1)]
        if len(kept) < len(scored):
            scored = kept
            next(x for x in scored if x[1] is anchor)[2].append(
                f"{_PROMINENCE[anchor.kind]} {anchor.name}: the context does not qualify it")
    scored.sort(key=lambda s: -s[0])
    best_score, best, why, placed_here = scored[0]
    margin = best_score - scored[1][0] if len(scored) > 1 else 5.0
    reason = "; ".join(why) or ("the only candidate" if len(scored) == 1 else f"most likely {best.kind} of that name")
    others = [p.id for _, p, _, _ in scored[1:4]]
    return best, margin, reason, others, placed_here


_PROMINENCE = {"country": "the country", "department": "department", "region": "region",
               "populated_place": "the well-known town", "district": "the well-known district"}
#: A district or town is famous when this many people live there, and twice as many as in any namesake.
_FAMOUS_POPULATION = 100_000


def _prominent_reading(m: Mention, admissible: list[tuple[Place, str, float]], gaz: Gazetteer) -> Place | None:
    """The likeliest candidate when it is a department, a department's capital or a famous
    district, and no cue word asks for a small place ("el caserío de Lima")."""
    if m.cue_kind == "village" or not admissible:
        return None
    top = admissible[0][0]
    if top.kind in ("country", "department", "region") or top.id in _department_capitals(gaz):
        return top
    if top.kind in ("district", "populated_place") and (top.population or 0) >= _FAMOUS_POPULATION:
        rest = [p.population or 0 for p, _, _ in admissible[1:] if p.admin1 != top.admin1]
        if 2 * max(rest, default=0) <= top.population:
            return top
    return None


@lru_cache(maxsize=4)
def _department_capitals(gaz: Gazetteer) -> frozenset[str]:
    """The ids of each department's capital: the town and district of its name at its seat."""
    out = set()
    for dep in gaz.of_kind("department"):
        capital = (dep.note or "").removeprefix("capital: ")
        k = gaz.key_id(fold(capital)) if capital else None
        for p, _ in gaz.places_for_key(k) if k is not None else ():
            if p.kind in ("populated_place", "district") and p.admin1 == dep.admin1 \
                    and abs(p.lat - dep.lat) < 0.05 and abs(p.lon - dep.lon) < 0.05:
                out.add(p.id)
    return frozenset(out)


# What stands between a name and the unit that qualifies it: "Tambo, Ayacucho", "Lima (Arequipa)",
# "Tingo María (Department of Huánuco)", "Chungui, en la provincia de La Mar".
_QUALIFIER_GAP = re.compile(
    r"\s*(?:,|\(|-|–)?\s*(?:(?:en|in)\s+)?(?:(?:the\s+|la\s+|el\s+)?(?:department|region|province|district|"
    r"departamento|región|provincia|distrito)(?:\s+(?:of|de|del))?\s+)?", re.IGNORECASE)


def _in_list(text: str, mentions: list[Mention], i: int) -> bool:
    """Do the names ``i`` and ``i + 1`` stand in an enumeration of three or more ("Cusco, Tacna, Puno")?"""
    before = i > 0 and _LIST_GAP.fullmatch(text, mentions[i - 1].end, mentions[i].start)
    after = i + 2 < len(mentions) and _LIST_GAP.fullmatch(text, mentions[i + 1].end, mentions[i + 2].start)
    return bool(before or after)


def _qualifier(text: str, i: int, mentions: list[Mention], admissible: list) -> Place | None:
    """An admin unit written right after a name qualifies it: "Tingo Maria (Department of Huanuco)",
    "Lima (Arequipa)" (the department, though "Arequipa" alone is its city)."""
    if (i + 1 >= len(mentions) or mentions[i + 1].start - mentions[i].end > 30 or not admissible[i + 1]
            or mentions[i + 1].key == mentions[i].key
            or not _QUALIFIER_GAP.fullmatch(text, mentions[i].end, mentions[i + 1].start)
            or _in_list(text, mentions, i)):
        return None
    top = max(admissible[i + 1], key=lambda c: c[2])[0]
    if top.kind in _ADMIN_LEVEL:
        return top
    units = [p for p, _ in mentions[i + 1].candidates if p.kind in _ADMIN_LEVEL and p.admin1 == top.admin1]
    return min(units, key=lambda p: _ADMIN_LEVEL[p.kind], default=None) if top.kind == "populated_place" else None


def _inside(p: Place, unit: Place) -> bool:
    if unit.kind in ("department", "region"):
        return p.admin1 == unit.admin1 and p.id != unit.id
    if unit.kind == "province":
        return p.admin1 == unit.admin1 and p.admin2 == unit.admin2 and p.id != unit.id
    return p.admin1 == unit.admin1 and p.admin3 == unit.admin3 and p.id != unit.id


def _in_zone(p: Place, zone: Place, gaz: Gazetteer) -> bool:
    code = p.ubigeo if p.kind == "district" else (p.parent_id or "").removeprefix("district:")
    return code in _zone_members(gaz, zone.id)


@lru_cache(maxsize=64)
def _zone_departments(gaz: Gazetteer, zone_id: str) -> frozenset[str]:
    return frozenset(gaz.get(f"department:{code}").name for code in gaz.zone(zone_id)["departments"])


@lru_cache(maxsize=64)
def _zone_members(gaz: Gazetteer, zone_id: str) -> frozenset[str]:
    return frozenset(gaz.zone(zone_id)["members"])


def _confidence(margin: float, n: int) -> float:
    if n <= 1:
        return 0.95
    return round(1 / (1 + math.exp(-1.5 * margin)), 3)


def _unknown_place(i: int, m: Mention, mentions: list[Mention], choice: list[Place | None],
                   gaz: Gazetteer) -> ResolvedMention:
    """A place the gazetteer lacks: locate it at the smallest unit named nearby in the text."""
    best, best_d = None, (0, 0, 0)
    for j in range(max(0, i - 50), min(len(choice), i + 51)):  # the places written nearby
        p = choice[j]
        if p is None or j == i or p.kind not in ("district", "province", "populated_place", "department"):
            continue
        d = abs(mentions[j].start - m.start)
        rank = {"district": 0, "populated_place": 0, "province": 1, "department": 2}[p.kind]
        key = (d // 200, rank, d)  # the places of the same sentence first, the finest of them
        if best is None or key < best_d:
            best, best_d = p, key
    if best is None:
        return ResolvedMention(m, None, 6, 0.3, reason=f"{m.reason or 'not in the gazetteer'}; no place nearby to locate it")
    unit = gaz.get(best.parent_id) if best.kind == "populated_place" else best
    prec = 2 if best.kind == "populated_place" else WHERE_PREC[unit.kind]
    return ResolvedMention(m, unit, prec, 0.5, lat=best.lat, lon=best.lon,
                           reason=f"{m.reason or 'not in the gazetteer'}; located by {best.name} named nearby",
                           footprint=unit.geometry if unit.kind != "populated_place" else None)


def _roles_and_relative(doc: Document, resolved: list[ResolvedMention], gaz: Gazetteer) -> None:
    text = doc.text
    low = text.lower()
    if any(h in low for h in _OTHER_HINTS):
        for r in resolved:
            window = low[max(0, r.mention.start - 70):r.mention.start]
            if any(h in window for h in _OTHER_HINTS) and _OTHER_ROLE.search(window):
                r.role = "other"
    for rel in find_relative(text, resolved):
        rel.anchor.role = "reference"
        for r in resolved:  # "from Peru's capital of Lima": Peru is part of the reference too
            if rel.end <= r.mention.start < rel.anchor.mention.start:
                r.role = "reference"
        target = rel.target
        if target is not None and target.place is not None and target.place.kind in (
                "department", "region", "province", "zone"):
            target.relative = rel
            area = rel.geometry()
            if target.footprint is not None and area is not None:
                narrowed = target.footprint.intersection(area)
                if not narrowed.is_empty and narrowed.area > 0:
                    target.footprint = narrowed
                    pt = narrowed.representative_point()
                    target.lat, target.lon = pt.y, pt.x
                    target.where_prec = 5
                    target.reason += f"; narrowed to {rel.describe()}"
    for r in resolved:
        direction = narrow_direction(text, r.mention.start)
        if direction and r.footprint is not None and r.place is not None and r.place.kind in (
                "department", "province", "region", "district", "zone"):
            part = direction[1](r.footprint)
            if not part.is_empty:
                r.footprint = part
                pt = part.representative_point()
                r.lat, r.lon = pt.y, pt.x
                r.where_prec = max(r.where_prec, 5) if r.place.kind != "district" else r.where_prec
                r.reason += f"; the {direction[0]} part"
