"""Resolve each mention to one place: candidates, the document's evidence, scores, then narrowing."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from gazetteer import AREA_KINDS, Gazetteer, Place
from geo.agreement import holding_units, parallel_lists, parallel_pairs
from geo.candidates import ranked
from geo.document import Document
from geo.evidence import Evidence, inside, passages, qualifier, shared
from geo.kinds import ADMIN_KINDS, kind
from geo.mentions import Mention
from geo.narrowing import narrow
from geo.relative import RelativeLocation
from geo.scoring import Choice, choose

__all__ = ["ResolvedMention", "resolve", "geo_precision"]


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
    footprint_id: str | None = None  # what the footprint is, by reference (see geo.footprints)
    lat: float | None = None
    lon: float | None = None
    relative: RelativeLocation | None = None
    alternatives: list[str] = field(default_factory=list)

    @property
    def geo_precision(self) -> int:
        """ACLED geo_precision of the mention's where_prec."""
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


def resolve(doc: Document, mentions: list[Mention], gazetteer: Gazetteer | None = None) -> list[ResolvedMention]:
    """Choose one place per mention and state its precision, role and footprint."""
    gaz = gazetteer or Gazetteer.load()
    readings = [ranked(m) for m in mentions]
    cands, sure = [c for c, _ in readings], [s for _, s in readings]
    passage = passages(doc.text, mentions)
    direct = [qualifier(doc.text, i, mentions, cands) for i in range(len(mentions))]
    qualifiers = shared(mentions, direct)
    picked = [c[0][0] if c else None for c in cands]
    # A first pass with the priors' choices as evidence, then the final pass with the first's.
    # The same name in the same passage gets the same answer: it is worked out once.
    ev = Evidence.build(mentions, picked, sure, passage)
    memo: dict[tuple, Choice] = {}

    def chosen(i: int) -> Choice:
        m = mentions[i]
        key = (m.key, m.cue_kind, m.marked_as, passage[i], id(qualifiers[i]))
        if key not in memo:
            memo[key] = choose(m, cands[i], qualifiers[i], ev, gaz, passage[i])
        return memo[key]

    first = [chosen(i).place if len(cands[i]) > 1 else picked[i] for i in range(len(mentions))]
    if any(a is not b for a, b in zip(first, picked)):  # else the evidence, and every choice, is the first pass's
        ev = Evidence.build(mentions, first, sure, passage)
        memo.clear()
    choices = [chosen(i) for i in range(len(mentions))]
    choices = holding_units(mentions, choices, [i for i, q in enumerate(direct) if q is not None])
    choices = parallel_pairs(doc.text, mentions, parallel_lists(doc.text, mentions, choices))
    units = shared(mentions, [_unit_read(choices[i + 1].place) if q is not None else None
                              for i, q in enumerate(direct)])
    picked = [c.place for c in choices]
    out: list[ResolvedMention] = []
    for i, (m, c) in enumerate(zip(mentions, choices)):
        if c.place is not None and _outside_its_unit(c.place, cands[i], units[i]):
            out.append(_at_unit(m, units[i]))
            continue
        if m.foreign and c.place is not None and not c.placed_here:
            continue  # "San Francisco", "Santiago": a foreign city unless the document places it here
        if c.place is None:
            out.append(_unknown_place(i, m, mentions, picked, gaz))
            continue
        r = ResolvedMention(m, c.place, kind(c.place.kind).where_prec, _confidence(c.margin, len(cands[i])),
                            reason=c.reason, lat=c.place.lat, lon=c.place.lon, alternatives=c.alternatives)
        if c.place.kind in AREA_KINDS:
            r.footprint, r.footprint_id = c.place.geometry, c.place.id
        out.append(r)
    narrow(doc, out)
    return out


def _unit_read(p: Place | None) -> Place | None:
    """The unit a qualifying name was resolved to, when it was resolved to one."""
    return p if p is not None and p.kind in ADMIN_KINDS else None


def _outside_its_unit(place: Place, candidates: list, unit: Place | None) -> bool:
    """Is a village qualified by a unit ("Tama, distrito de Ulcumayo") known only outside it?"""
    return (unit is not None and not inside(place, unit)
            and not any(p.kind in ADMIN_KINDS or inside(p, unit) for p, _, _ in candidates))


def _at_unit(m: Mention, unit: Place) -> ResolvedMention:
    """A village the gazetteer lacks inside the unit that qualifies it: located at the unit."""
    return ResolvedMention(m, unit, kind(unit.kind).where_prec, 0.5, lat=unit.lat, lon=unit.lon,
                           reason=f"no place of that name in {unit.name} ({unit.kind}); located at it",
                           footprint=unit.geometry)


def _confidence(margin: float, n: int) -> float:
    """How sure the choice is: the only candidate, or the margin over the runner-up on a logistic."""
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
    prec = 2 if best.kind == "populated_place" else kind(unit.kind).where_prec
    area = unit.kind != "populated_place"
    return ResolvedMention(m, unit, prec, 0.5, lat=best.lat, lon=best.lon,
                           reason=f"{m.reason or 'not in the gazetteer'}; located by {best.name} named nearby",
                           footprint=unit.geometry if area else None, footprint_id=unit.id if area else None)
