"""The Incident value: one event as one or several documents tell it, and its JSONL record."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from geo.events import EVENT_TYPES
from geo.resolve import ResolvedMention

__all__ = ["Incident", "Evidence"]

#: (role, text, start, end): a span of the document that made the incident (role: trigger,
#: count, date, place).
Evidence = tuple[str, str, int, int]


@dataclass
class Incident:
    """One incident as a document reports it (or as several documents do, once merged).

    ``event_date`` is the day when the text gives one (``time_precision`` 1, or 2 for a few
    days); for a month or a year (precision 3) it is None and ``date_start``/``date_end`` hold
    the range. ``explanation`` lists the spans it was made from: the trigger, the counts, the
    date phrase and the place.
    """

    doc_id: str
    kind: str
    event_date: date | None
    date_start: date | None
    date_end: date | None
    time_precision: int | None
    place: ResolvedMention | None
    killed: int | None
    injured: int | None
    evidence: str
    start: int
    end: int
    actor1: str | None = None
    actor2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    date_text: str | None = None
    confidence: float = 0.5
    path: str = ""
    sources: list[str] = field(default_factory=list)
    evidence_spans: list[tuple[str, int, int]] = field(default_factory=list)
    notes: str = ""
    trigger: str = ""
    dated: bool = True  # False when the date is only the report's own date (or none)
    placed: bool = True  # False when the place comes from the sentences around
    disappeared: int | None = None
    captured: int | None = None
    explanation: list[Evidence] = field(default_factory=list)
    headline: bool = False  # told in the report's title line

    @property
    def event_type(self) -> str:
        return EVENT_TYPES[self.kind].event_type

    @property
    def sub_event_type(self) -> str:
        return EVENT_TYPES[self.kind].sub_event_type

    def record(self) -> dict:
        """The JSONL record (the fields ../shared/eval/score.py reads, and more)."""
        p = self.place.place if self.place else None
        return {
            "date": self.event_date.isoformat() if self.event_date else None,
            "date_start": self.date_start.isoformat() if self.date_start else None,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "time_precision": self.time_precision, "date_text": self.date_text,
            "event_type": self.event_type, "sub_event_type": self.sub_event_type, "incident_type": self.kind,
            "location": p.name if p else None, "place_id": p.id if p else None,
            "admin1": p.admin1 if p else None, "admin2": p.admin2 if p else None,
            "admin3": p.admin3 if p else None,
            "lat": None if not self.place or self.place.lat is None else round(self.place.lat, 5),
            "lon": None if not self.place or self.place.lon is None else round(self.place.lon, 5),
            "where_prec": self.place.where_prec if self.place else 6,
            "geo_precision": self.place.geo_precision if self.place else 3,
            "killed": self.killed, "injured": self.injured, "disappeared": self.disappeared,
            "captured": self.captured,
            "actor1": self.actor1, "actor2": self.actor2, "inter1": self.inter1, "inter2": self.inter2,
            "evidence": self.evidence, "start": self.start, "end": self.end,
            "explanation": [{"role": r, "text": t, "start": s, "end": e} for r, t, s, e in self.explanation],
            "confidence": round(self.confidence, 3), "notes": self.notes,
        }
