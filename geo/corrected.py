"""Apply an analyst's corrections to the results of a run, and count them: applied, stale, unused."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from gazetteer import AREA_KINDS, Gazetteer, fold
from geo.corrections import (
    Corrections,
    DocumentCorrections,
    IncidentCorrection,
    IncidentKey,
    parse_date,
    text_hash,
)
from geo.document import Document, ReadFailure
from geo.errors import CorrectionsError
from geo.incident import Incident
from geo.incidents import extract_incidents
from geo.kinds import kind as place_kind
from geo.mentions import Mention, MentionFinder
from geo.pipeline import DocumentResult
from geo.resolve import ResolvedMention, resolve

__all__ = ["Tally", "apply_corrections", "correct", "incident_key", "check_places"]

ANALYST = "set by the analyst"


@dataclass
class Tally:
    """What became of each correction in a run: applied, stale (its document's text changed), unused."""

    applied: int = 0
    stale: list[dict] = field(default_factory=list)
    unused: list[dict] = field(default_factory=list)

    def record(self) -> dict:
        """The run report's ``corrections`` entry."""
        return {"applied": self.applied, "stale": sum(s["corrections"] for s in self.stale),
                "unused": len(self.unused), "stale_documents": self.stale, "unused_corrections": self.unused}

    def summary(self) -> str:
        r = self.record()
        return f"corrections: {r['applied']} applied, {r['stale']} stale, {r['unused']} unused"

    def messages(self) -> list[str]:
        """One line per stale document and per unused correction, for standard error."""
        out = [f"{s['path'] or s['doc_id']}: its text changed since the review: {s['corrections']} "
               f"corrections not applied (review it again)" for s in self.stale]
        return out + [f"{u['document']}: {u['what']} not used: {u['reason']}" for u in self.unused]


def apply_corrections(items: Iterable[DocumentResult | ReadFailure], corrections: Corrections,
                      tally: Tally, gazetteer: Gazetteer | None = None) -> Iterator[DocumentResult | ReadFailure]:
    """Yield every item with its document's corrections applied; ``tally`` is complete once all are yielded.

    A document is found by the hash of its text; a correction whose document (same id or path) is in the run
    with another text is stale, not applied; one whose document is not in the run is unused.
    """
    gaz = gazetteer or Gazetteer.load()
    names = {n for dc in corrections.documents.values() for n in (dc.doc_id, dc.path) if n}
    seen: set[str] = set()
    changed: dict[str, tuple[str, str, str]] = {}  # doc id or path -> (id, path, hash) of a text not reviewed
    for item in items:
        if isinstance(item, DocumentResult):
            doc = item.document
            key = text_hash(doc.text)
            dc = corrections.documents.get(key)
            if dc is not None:
                seen.add(key)
                item = correct(item, dc, gaz, tally)
            else:
                for name in {doc.id, doc.path} & names:
                    changed.setdefault(name, (doc.id, doc.path, key))
        yield item
    for key, dc in corrections.documents.items():
        if key in seen:
            continue
        other = changed.get(dc.doc_id) or changed.get(dc.path)
        if other is not None:
            tally.stale.append({"doc_id": other[0], "path": other[1], "corrections": len(dc),
                                "reviewed_sha256": key, "text_sha256": other[2]})
        else:
            tally.unused += [{"document": dc.path or dc.doc_id or key, "what": f"{len(dc)} corrections",
                              "reason": "no document of this run has the reviewed text"}] if len(dc) else []


def check_places(corrections: Corrections, gaz: Gazetteer) -> None:
    """CorrectionsError naming the document and the id when a correction names a place the gazetteer lacks."""
    for dc in corrections.documents.values():
        ids = [c.place_id for c in dc.places if c.place_id]
        ids += [s.get("place_id") for c in dc.incidents for s in (c.set, *c.into) if s.get("place_id")]
        for place_id in ids:
            try:
                gaz.get(place_id)
            except (KeyError, ValueError):
                raise CorrectionsError(f"{corrections.source}: {dc.path or dc.doc_id or dc.text_sha256[:12]}: no place "
                                       f"{place_id!r} in the gazetteer (ids look like district:050401; "
                                       f"find one with 'incidents gazetteer lookup NAME')") from None


def incident_key(inc: Incident) -> IncidentKey:
    """The key a correction finds ``inc`` by: its evidence span and its place mention's start."""
    return IncidentKey(inc.start, inc.end, inc.place.mention.start if inc.place else None)


def correct(result: DocumentResult, dc: DocumentCorrections, gaz: Gazetteer, tally: Tally) -> DocumentResult:
    """``result`` with ``dc`` applied: places found and resolved again with the analyst's, then incidents."""
    doc = result.document
    name = doc.path or doc.id
    places, incidents = result.places, result.incidents
    for c in dc.places:
        if doc.text[c.start:c.end] != c.text:
            tally.unused.append({"document": name, "what": f"place {c.text!r} at {c.start}",
                                 "reason": f"the text there reads {doc.text[c.start:c.end]!r}"})
    good = [c for c in dc.places if doc.text[c.start:c.end] == c.text]
    if any(c.action != "accept" for c in good):
        places = _corrected_places(doc, good, gaz, tally, name)
        incidents = extract_incidents(doc, places)
    else:
        tally.applied += len(good)
    incidents = _corrected_incidents(doc, incidents, places, dc.incidents, gaz, tally, name)
    return DocumentResult(doc, places, incidents)


def _corrected_places(doc: Document, corrections: list, gaz: Gazetteer, tally: Tally,
                      name: str) -> list[ResolvedMention]:
    mentions = MentionFinder.for_gazetteer(gaz).find(doc)
    spans = {(m.start, m.end) for m in mentions}
    for c in corrections:
        if c.action in ("accept", "not_place") and (c.start, c.end) not in spans:
            tally.unused.append({"document": name, "what": f"{c.action} of {c.text!r} at {c.start}",
                                 "reason": "the place finder no longer finds that mention"})
    dropped = {(c.start, c.end) for c in corrections if c.action == "not_place"}
    added = [c for c in corrections if c.action in ("add", "place") and (c.start, c.end) not in spans]
    kept = [m for m in mentions if (m.start, m.end) not in dropped
            and not any(m.start < c.end and c.start < m.end for c in added)]
    kept += [_mention(doc.text, c.start, c.end, gaz) for c in added]
    kept.sort(key=lambda m: m.start)
    resolved = {(r.mention.start, r.mention.end): r for r in resolve(doc, kept, gaz)}
    for c in corrections:
        if c.action in ("place", "add") and c.place_id:
            resolved[(c.start, c.end)] = _placed(resolved.get((c.start, c.end)), c, gaz)
    tally.applied += sum(1 for c in corrections if c.action in ("place", "add")
                         or (c.start, c.end) in spans)
    return [resolved[k] for k in sorted(resolved)]


def _mention(text: str, start: int, end: int, gaz: Gazetteer) -> Mention:
    """A mention the finder missed, with the gazetteer's places of its name as candidates."""
    key = fold(text[start:end])
    k = gaz.key_id(key)
    return Mention(text[start:end], start, end, key, list(gaz.places_for_key(k)) if k is not None else [],
                   reason="marked as a place by the analyst")


def _placed(r: ResolvedMention | None, c, gaz: Gazetteer) -> ResolvedMention:
    """The mention at ``c``'s span resolved to the analyst's place."""
    place = gaz.get(c.place_id)
    mention = r.mention if r is not None else Mention(c.text, c.start, c.end, fold(c.text))
    return ResolvedMention(mention, place, place_kind(place.kind).where_prec, 1.0,
                           role=r.role if r is not None else "event", reason=ANALYST,
                           footprint=place.geometry if place.kind in AREA_KINDS else None,
                           lat=place.lat, lon=place.lon)


def _corrected_incidents(doc: Document, incidents: list[Incident], places: list[ResolvedMention],
                         corrections: list[IncidentCorrection], gaz: Gazetteer, tally: Tally,
                         name: str) -> list[Incident]:
    by_key = {incident_key(i): i for i in incidents}
    out = list(incidents)

    def find(key: IncidentKey) -> Incident | None:
        if key in by_key:
            return by_key[key]
        same = [i for i in incidents if (i.start, i.end) == (key.start, key.end)]
        return same[0] if len(same) == 1 else None

    for c in corrections:
        if c.action == "add":
            out.append(_edited(_new_incident(doc, c.key), c.set, doc, places, gaz))
            tally.applied += 1
            continue
        inc = find(c.key)
        at = next((n for n, o in enumerate(out) if o is inc), None)
        if at is None:
            tally.unused.append({"document": name, "what": f"{c.action} of the incident at {c.key.start}-{c.key.end}",
                                 "reason": "this run finds no such incident in the document"})
            continue
        if c.action == "reject":
            out.pop(at)
        elif c.action == "edit":
            out[at] = _edited(inc, c.set, doc, places, gaz)
        elif c.action == "split":
            out[at:at + 1] = [_part(_edited(inc, part, doc, places, gaz), n) for n, part in enumerate(c.into)]
        elif c.action == "merge":
            others = [o for o in (find(k) for k in c.merge_with)
                      if o is not None and o is not inc and any(o is x for x in out)]
            merged = replace(inc, evidence_spans=sorted({s for o in [inc, *others] for s in o.evidence_spans}),
                             explanation=[e for o in [inc, *others] for e in o.explanation])
            out[at] = _edited(merged, c.set, doc, places, gaz) if c.set else merged
            out = [o for o in out if not any(o is x for x in others)]
        tally.applied += 1
    return sorted(out, key=lambda i: (i.start, i.end))


def _part(inc: Incident, n: int) -> Incident:
    """Part ``n`` of a split: the parts after the first tell their spans as DOC#2, DOC#3 (so each has its own id)."""
    if n:
        inc.evidence_spans = [(f"{d}#{n + 1}", s, e) for d, s, e in inc.evidence_spans]
    return inc


def _new_incident(doc: Document, key: IncidentKey) -> Incident:
    """An incident the extractor missed, told by the sentence at ``key``."""
    text = doc.text[key.start:key.end]
    return Incident(doc_id=doc.id, path=doc.path, kind="attack", event_date=None, date_start=None, date_end=None,
                    time_precision=None, place=None, killed=None, injured=None, evidence=" ".join(text.split()),
                    start=key.start, end=key.end, confidence=1.0, sources=[doc.id],
                    evidence_spans=[(doc.id, key.start, key.end)], notes="added by the analyst", dated=False)


def _edited(inc: Incident, fields: dict, doc: Document, places: list[ResolvedMention], gaz: Gazetteer) -> Incident:
    """``inc`` with the analyst's fields set."""
    changes: dict = {"confidence": 1.0}
    if "type" in fields:
        changes["kind"] = fields["type"]
    for col in ("killed", "injured", "actor1", "actor2"):
        if col in fields:
            changes[col] = fields[col]
    if "date" in fields:
        day, start, end, precision = parse_date(fields["date"])
        changes.update(event_date=day, date_start=start, date_end=end, time_precision=precision,
                       date_text=fields["date"], dated=day is not None or start is not None)
    if "place_id" in fields:
        changes["place"] = _incident_place(fields["place_id"], inc, places, gaz)
    return replace(inc, **changes, explanation=list(inc.explanation), evidence_spans=list(inc.evidence_spans))


def _incident_place(place_id: str | None, inc: Incident, places: list[ResolvedMention],
                    gaz: Gazetteer) -> ResolvedMention | None:
    """The document's mention of ``place_id`` nearest the incident, else the place alone (an empty span)."""
    if place_id is None:
        return None
    named = [r for r in places if r.place is not None and r.place.id == place_id]
    if named:
        return min(named, key=lambda r: (not inc.start <= r.mention.start < inc.end, abs(r.mention.start - inc.start)))
    return _placed(None, _Span(inc.start, inc.start, "", place_id), gaz)


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    text: str
    place_id: str
