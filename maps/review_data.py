"""What the review page carries: each report's text, mentions with runners-up, incidents, and earlier decisions."""

from __future__ import annotations

from gazetteer import Gazetteer, Place
from geo.corrected import incident_key
from geo.corrections import Corrections, text_hash
from geo.events import EVENT_TYPES
from geo.merge import km
from geo.pipeline import DocumentResult
from geo.resolve import ResolvedMention
from maps.dates import date_at_precision
from maps.shapes import admin_shapes

__all__ = ["review_payload", "RUNNERS_UP"]

#: How many other candidate places the page offers for a mention.
RUNNERS_UP = 5
_UNITS = ("department", "province", "district")


def review_payload(results: list[DocumentResult], gaz: Gazetteer, corrections: Corrections | None = None) -> dict:
    """The page's data: documents, the places they name (by id), kinds, units to search, outlines, decisions."""
    places: dict[str, dict] = {}

    def ref(p: Place | None) -> str | None:
        if p is None:
            return None
        if p.id not in places:
            places[p.id] = _place(p)
        return p.id

    docs = [_document(r, ref) for r in results]
    earlier = corrections.documents if corrections is not None else {}
    return {
        "documents": docs, "places": places,
        "kinds": [{"kind": k, "label": t.label, "event_type": t.event_type} for k, t in EVENT_TYPES.items()],
        "units": [[p.id, p.admin_chain, p.kind, _round(p.lat), _round(p.lon)] for p in gaz.of_kind(*_UNITS)],
        "departments": admin_shapes("department", tolerance=0.02, grid=1e-2),
        "corrections": {d["key"]: earlier[d["key"]].record() for d in docs if d["key"] in earlier},
    }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _place(p: Place) -> dict:
    return {"name": p.name, "kind": p.kind, "chain": p.admin_chain, "lat": _round(p.lat), "lon": _round(p.lon)}


def _document(r: DocumentResult, ref) -> dict:
    doc = r.document
    return {"key": text_hash(doc.text), "doc_id": doc.id, "path": doc.path, "title": doc.title,
            "date": doc.date.isoformat() if doc.date else None, "language": doc.language, "text": doc.text,
            "mentions": [_mention(m, ref) for m in r.places],
            "incidents": [_incident(i, ref) for i in r.incidents]}


def _mention(r: ResolvedMention, ref) -> dict:
    m, p = r.mention, r.place
    return {"start": m.start, "end": m.end, "text": m.text, "place": ref(p), "role": r.role, "reason": r.reason,
            "confidence": round(r.confidence, 2),
            "candidates": [{"id": ref(c), "km": _km(p, c)} for c in _runners_up(r)]}


def _runners_up(r: ResolvedMention) -> list[Place]:
    """The resolver's runners-up first, then the mention's other candidate places, without the chosen one."""
    chosen = r.place.id if r.place is not None else None
    by_id = {p.id: p for p, _ in r.mention.candidates}
    ordered = [by_id[i] for i in r.alternatives if i in by_id] + [p for p, _ in r.mention.candidates]
    out, seen = [], {chosen}
    for p in ordered:
        if p.id not in seen:
            seen.add(p.id)
            out.append(p)
    return out[:RUNNERS_UP]


def _km(a: Place | None, b: Place) -> float | None:
    """How far the candidate is from the chosen place, km (None when one has no point)."""
    return None if a is None or a.lat is None or b.lat is None else round(km(a, b), 1)


def _incident(inc, ref) -> dict:
    key = incident_key(inc)
    return {"start": key.start, "end": key.end, "place_start": key.place_start, "kind": inc.kind,
            "date": inc.event_date.isoformat() if inc.event_date else None,
            "date_label": date_at_precision(inc.time_precision, inc.event_date, inc.date_start, inc.date_end),
            "precision": inc.time_precision, "date_text": inc.date_text,
            "place": ref(inc.place.place if inc.place else None),
            "place_text": inc.place.mention.text if inc.place else None,
            "killed": inc.killed, "injured": inc.injured, "actor1": inc.actor1, "actor2": inc.actor2,
            "evidence": inc.evidence}
