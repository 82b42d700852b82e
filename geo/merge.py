"""Merge the same incident reported by several documents into one, keeping every source."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import replace

from geo import thresholds
from geo.events import family
from geo.incident import Incident

__all__ = ["merge_across_documents", "km"]


def merge_across_documents(incidents: list[Incident]) -> list[tuple[Incident, list[Incident]]]:
    """Group incidents from different documents that are one event: compatible dates (within their
    time precision), places (same district or within the table's ``merge_km``) and types. Returns (merged, members)."""
    parent = list(range(len(incidents)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, inc in enumerate(incidents):
        p = inc.place.place if inc.place else None
        if inc.date_start is None or p is None:
            continue  # undated or unplaced incidents are never merged
        buckets[(family(inc.kind), p.admin1)].append(i)
    for members in buckets.values():
        members.sort(key=lambda i: incidents[i].date_start)
        active: list[int] = []
        for i in members:
            a = incidents[i]
            active = [j for j in active if (a.date_start - incidents[j].date_end).days <= 1]
            for j in active:
                if incidents[j].doc_id != a.doc_id and _same_place(incidents[j], a):
                    parent[find(i)] = find(j)
            active.append(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(incidents)):
        groups[find(i)].append(i)
    return [(_merged([incidents[i] for i in g]), [incidents[i] for i in g])
            for g in sorted(groups.values(), key=lambda g: g[0])]


def _same_place(a: Incident, b: Incident) -> bool:
    pa, pb = a.place, b.place
    if pa.place.admin3 and pa.place.admin3 == pb.place.admin3:
        return True
    if pa.lat is None or pb.lat is None:
        return False
    return km(pa, pb) <= thresholds.TABLE.merge_km


def km(a, b) -> float:
    """The distance between two points with ``lat``/``lon`` (places or mentions), in km (flat-earth, short range)."""
    return math.hypot((a.lat - b.lat) * 110.6, (a.lon - b.lon) * 111.3 * math.cos(math.radians(a.lat)))


def _merged(group: list[Incident]) -> Incident:
    """One incident for a group: the most precise telling, every source, UCDP-style low/high counts."""
    if len(group) == 1:
        return group[0]
    best = min(group, key=lambda i: (i.time_precision or 9, i.place.where_prec if i.place else 9, -i.confidence))
    killed = sorted(i.killed for i in group if i.killed is not None)
    injured = [i.injured for i in group if i.injured is not None]
    sources = sorted({s for i in group for s in i.sources})
    return replace(best, killed=killed[0] if killed else None, injured=min(injured) if injured else None,
                   sources=sources, evidence_spans=[s for i in group for s in i.evidence_spans],
                   confidence=min(1.0, best.confidence + 0.1 * (len(sources) - 1)),
                   notes=f"{best.notes}; reported by {len(sources)} documents")
