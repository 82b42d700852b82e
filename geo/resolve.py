"""Resolve each mention to one place, using cue words, the document's other places and priors."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from gazetteer import Gazetteer, Place
from geo.document import Document
from geo.lexicon import CUE_KINDS
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
_HOW_PENALTY = {"spelling_variant": 0.6, "short_form": 0.3, "spacing": 0.2, "inei_2007": 0.1}
# Phrases before a name that make it a place people came from or returned to, not an event place.
_SUPPORTED = ("department", "province", "inside", "qualified")
_OTHER_ROLE = ("returning to", "return to", "based in", "base in", "headquartered in", "fled to",
               "regresaban a", "con base en", "trasladados a")


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


@dataclass
class _Context:
    departments: dict[str, int] = field(default_factory=dict)
    provinces: dict[str, int] = field(default_factory=dict)
    zones: list[Place] = field(default_factory=list)
    points: list[tuple[float, float, int]] = field(default_factory=list)  # lat, lon, mention index


def resolve(doc: Document, mentions: list[Mention], gazetteer: Gazetteer | None = None) -> list[ResolvedMention]:
    """Choose one place per mention and state its precision, role and footprint."""
    gaz = gazetteer or Gazetteer.load()
    choice: list[Place | None] = [_prior_choice(m) for m in mentions]
    contexts: dict[str, _Context] = {}
    for _ in range(3):  # later passes see the earlier passes' choices as context
        contexts = {m.key: _context(mentions, choice, gaz, m.key) for m in mentions}
        choice = [_choose(i, m, mentions, contexts[m.key], gaz)[0] for i, m in enumerate(mentions)]
    out: list[ResolvedMention] = []
    for i, m in enumerate(mentions):
        place, score, margin, reason, others = _choose(i, m, mentions, contexts[m.key], gaz)
        if m.foreign and place is not None and not reason.startswith(_SUPPORTED):
            continue  # "San Francisco", "Santiago": a foreign city unless the document places it here
        if place is None:
            out.append(_unknown_place(i, m, mentions, choice, gaz))
            continue
        lat, lon = place.lat, place.lon
        r = ResolvedMention(m, place, WHERE_PREC.get(place.kind, 3), _confidence(margin, len(m.candidates)),
                            reason=reason, lat=lat, lon=lon, alternatives=others)
        if place.kind in ("department", "region", "province", "district", "zone", "zone_variant",
                          "natural_region", "lake", "country"):
            r.footprint = place.geometry
        out.append(r)
    _roles_and_relative(doc, out, gaz)
    return out


def _prior_choice(m: Mention) -> Place | None:
    admissible = _admissible(m)
    if not admissible:
        return None
    return max(admissible, key=lambda c: _prior(c[0], c[1]))[0]


def _admissible(m: Mention) -> list[tuple[Place, str]]:
    if m.marked_as and m.marked_as not in ("town",):
        return []  # a street, bridge or area named like a place elsewhere
    cands = m.candidates
    if m.cue_kind:
        allowed = CUE_KINDS[m.cue_kind]
        kept = [c for c in cands if c[0].kind in allowed]
        if kept:
            return kept
    return _collapse_capitals([c for c in cands if c[0].kind != "zone_variant"])


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
            and _km(c[0].lat, c[0].lon, top.lat, top.lon) < 5]
    metropolis = [c for c in seat if c[0].kind == "populated_place"
                  and (c[0].population or 0) > 0.5 * (top.population or 1)]
    drop = {id(c) for c in seat} | ({id(units[0])} if metropolis else set())
    return [c for c in cands if id(c) not in drop] + metropolis[:1]


def _prior(p: Place, how: str) -> float:
    score = _KIND_PRIOR.get(p.kind, 1.0) - _HOW_PENALTY.get(how, 0.0)
    if p.kind == "populated_place":
        score += 0.25 * math.log10((p.population or 0) + 1)
        score += 0.3 if (p.note or "").endswith("urban") else 0.0
    return score


def _context(mentions: list[Mention], choice: list[Place | None], gaz: Gazetteer,
             exclude_key: str | None = None) -> _Context:
    """What the document's other mentions say for sure: only mentions whose department is
    certain (every candidate in one department), and zones, give context."""
    ctx = _Context()
    for i, (m, p) in enumerate(zip(mentions, choice)):
        if p is None or m.key == exclude_key:  # a name does not support itself
            continue
        if p.kind not in ("zone", "zone_variant") and len({c.admin1 for c, _ in _admissible(m)}) > 1:
            continue
        if p.kind in ("zone", "zone_variant"):
            ctx.zones.append(p)
            continue
        if p.kind in ("country", "river", "natural_region", "lake", "mountain"):
            continue
        if p.admin1:
            ctx.departments[p.admin1] = ctx.departments.get(p.admin1, 0) + 1
        if p.admin2:
            ctx.provinces[f"{p.admin1}/{p.admin2}"] = ctx.provinces.get(f"{p.admin1}/{p.admin2}", 0) + 1
        if p.kind in ("populated_place", "district"):
            ctx.points.append((p.lat, p.lon, i))
    return ctx


def _choose(i: int, m: Mention, mentions: list[Mention], ctx: _Context, gaz: Gazetteer):
    admissible = _admissible(m)
    if not admissible:
        return None, 0.0, 0.0, "no gazetteer place", []
    qualifier = _qualifier(i, mentions)
    scored = []
    for p, how in admissible:
        score, why = _prior(p, how), []
        dep_hits = ctx.departments.get(p.admin1, 0)
        if p.kind not in ("region", "country") and dep_hits > 0:
            score += 1.5 + 0.2 * min(dep_hits, 5)
            why.append(f"department {p.admin1} named in the document" if p.kind != "department"
                       else f"department of {dep_hits} other places in the document")
        prov_key = f"{p.admin1}/{p.admin2}"
        if p.kind in ("district", "populated_place") and ctx.provinces.get(prov_key, 0) > 0:
            score += 1.0
            why.append(f"province {p.admin2} named in the document")
        for z in ctx.zones:
            if p.kind in ("district", "populated_place") and _in_zone(p, z, gaz):
                score += 2.0
                why.append(f"inside the {z.name} named in the document")
                break
        if p.kind in ("district", "populated_place") and ctx.points:
            near = min((_km(p.lat, p.lon, a, b) for a, b, j in ctx.points if j != i), default=1e9)
            if near < 60:
                score += 0.8
                why.append(f"{near:.0f} km from another place in the document")
        if qualifier is not None and _inside(p, qualifier):
            score += 4.0
            why.append(f"qualified by {qualifier.name}")
        if m.cue_kind and p.kind in CUE_KINDS[m.cue_kind]:
            score += 1.0
            why.append(f"cue word '{m.cue}'")
        scored.append((score, p, why))
    scored.sort(key=lambda s: -s[0])
    best_score, best, why = scored[0]
    margin = best_score - scored[1][0] if len(scored) > 1 else 5.0
    reason = "; ".join(why) or ("the only candidate" if len(scored) == 1 else f"most likely {best.kind} of that name")
    others = [p.id for _, p, _ in scored[1:4]]
    return best, best_score, margin, reason, others


def _qualifier(i: int, mentions: list[Mention]) -> Place | None:
    """An admin unit written right after a name qualifies it: "Tingo Maria (Department of Huanuco)"."""
    if i + 1 >= len(mentions):
        return None
    m, nxt = mentions[i], mentions[i + 1]
    if nxt.start - m.end > 20 or not nxt.candidates:
        return None
    top = _prior_choice(nxt)
    if top is None or top.kind not in ("department", "province", "region", "district"):
        return None
    return top


def _inside(p: Place, unit: Place) -> bool:
    if unit.kind in ("department", "region"):
        return p.admin1 == unit.admin1 and p.id != unit.id
    if unit.kind == "province":
        return p.admin1 == unit.admin1 and p.admin2 == unit.admin2 and p.id != unit.id
    return p.admin1 == unit.admin1 and p.admin3 == unit.admin3 and p.id != unit.id


def _in_zone(p: Place, zone: Place, gaz: Gazetteer) -> bool:
    members = gaz.zone(zone)["members"]
    code = p.ubigeo if p.kind == "district" else (p.parent_id or "").removeprefix("district:")
    return code in members


def _confidence(margin: float, n: int) -> float:
    if n <= 1:
        return 0.95
    return round(1 / (1 + math.exp(-1.5 * margin)), 3)


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _unknown_place(i: int, m: Mention, mentions: list[Mention], choice: list[Place | None],
                   gaz: Gazetteer) -> ResolvedMention:
    """A place the gazetteer lacks: locate it at the smallest unit named nearby in the text."""
    best, best_d = None, 1e9
    for j, p in enumerate(choice):
        if p is None or j == i or p.kind not in ("district", "province", "populated_place", "department"):
            continue
        d = abs(mentions[j].start - m.start)
        rank = {"district": 0, "populated_place": 0, "province": 1, "department": 2}[p.kind]
        if (rank, d) < (best_d // 10**6, best_d % 10**6) or best is None:
            best, best_d = p, rank * 10**6 + min(d, 10**6 - 1)
    if best is None:
        return ResolvedMention(m, None, 6, 0.3, reason=f"{m.reason or 'not in the gazetteer'}; no place nearby to locate it")
    unit = gaz.get(best.parent_id) if best.kind == "populated_place" else best
    prec = 2 if best.kind == "populated_place" else WHERE_PREC[unit.kind]
    return ResolvedMention(m, unit, prec, 0.5, lat=best.lat, lon=best.lon,
                           reason=f"{m.reason or 'not in the gazetteer'}; located by {best.name} named nearby",
                           footprint=unit.geometry if unit.kind != "populated_place" else None)


def _roles_and_relative(doc: Document, resolved: list[ResolvedMention], gaz: Gazetteer) -> None:
    text = doc.text
    for r in resolved:
        before = text[max(0, r.mention.start - 60):r.mention.start].lower()
        if any(before.rstrip().endswith(p) or f"{p} the " in before[-40:] or f"{p} " in before[-30:]
               for p in _OTHER_ROLE):
            r.role = "other"
    for rel in find_relative(text, resolved):
        rel.anchor.role = "reference"
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
