"""Roles and narrowing: places others are located from, and the part of an area the text names."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from geo.document import Document
from geo.footprints import footprint_shape, inner_point, narrowed, part_step, relative_step
from geo.lang import every
from geo.relative import find_relative, narrow_direction

if TYPE_CHECKING:
    from geo.resolve import ResolvedMention

__all__ = ["narrow", "located_from", "COUNTRY_ID"]

#: The gazetteer's id of the country: the area a relative location with nothing named before it is drawn in.
COUNTRY_ID = "country:PE"

# Phrases before a name, in every language, that make it a place people came from or returned to.
_ELSEWHERE = tuple(sorted(every("ELSEWHERE_BEFORE"), key=len, reverse=True))
# Cheap tests before the pattern: each phrase without its last word ("returned", "con base").
_HINTS = tuple(sorted({p.rsplit(" ", 1)[0] for p in _ELSEWHERE}))
# (not past a word opening another clause: "evacuated to Lima after the attack on X" happened at X)
_OPENERS = "|".join(re.escape(w) for w in sorted(every("CLAUSE_OPENERS"), key=len, reverse=True))
_OTHER_ROLE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _ELSEWHERE) + r")\b"
                         rf"(?:(?!\b(?:{_OPENERS})\b)[^.;]){{0,30}}$", re.IGNORECASE)


def narrow(doc: Document, resolved: list[ResolvedMention]) -> None:
    """Set each mention's role, and narrow areas to the part a relative location or a direction word names."""
    text = doc.text
    low = text.lower()
    if any(h in low for h in _HINTS):
        for r in resolved:
            window = low[max(0, r.mention.start - 70):r.mention.start]
            if any(h in window for h in _HINTS) and _OTHER_ROLE.search(window):
                r.role = "other"
    for rel in find_relative(text, resolved):
        rel.anchor.role = "reference"
        for r in resolved:  # "from Peru's capital of Lima": Peru is part of the reference too
            if rel.end <= r.mention.start < rel.anchor.mention.start:
                r.role = "reference"
        target = rel.target
        if target is None:  # nothing named before it: the expression places the event ("30 km south of Tocache")
            rel.anchor.relative = rel
            continue
        if target.place is not None and target.place.kind in (
                "department", "region", "province", "zone"):
            target.relative = rel
            step = relative_step(rel)
            if target.footprint is not None and step is not None:
                part = narrowed(target.footprint, step)
                if not part.is_empty and part.area > 0:
                    target.footprint, target.footprint_id = part, f"{target.footprint_id}|{step}"
                    target.lat, target.lon = inner_point(part)
                    target.where_prec = 5
                    target.reason += f"; narrowed to {rel.describe()}"
    for r in resolved:
        if r.footprint is None or r.place is None or r.place.kind not in (
                "department", "province", "region", "district", "zone"):
            continue
        direction = narrow_direction(text, r.mention.start)
        if direction:
            step = part_step(direction[0])
            part = narrowed(r.footprint, step)
            if not part.is_empty:
                r.footprint, r.footprint_id = part, f"{r.footprint_id}|{step}"
                r.lat, r.lon = inner_point(part)
                r.where_prec = max(r.where_prec, 5) if r.place.kind != "district" else r.where_prec
                r.reason += f"; the {direction[0]} part"


def located_from(anchor: ResolvedMention) -> ResolvedMention | None:
    """Where a relative location that follows no place name puts the event ("ambushed a convoy about
    30 km south of Tocache"): the anchor's place, at the area the distance and bearing give inside the
    country (UCDP where_prec 2 within 25 km, else 5); None when it gives no area there."""
    rel = anchor.relative
    step = relative_step(rel) if rel is not None and rel.anchor is anchor else None
    if step is None:
        return None
    area = narrowed(footprint_shape(COUNTRY_ID), step)
    if area.is_empty or area.area == 0:
        return None
    lat, lon = inner_point(area)
    return replace(anchor, role="event", footprint=area, footprint_id=f"{COUNTRY_ID}|{step}", lat=lat, lon=lon,
                   where_prec=2 if rel.distance_km <= 25 else 5, reason=f"{anchor.reason}; {rel.describe()}")
