"""An analyst's corrections file: versioned JSON, keyed by a hash of each document's text and character spans."""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from geo.errors import CorrectionsError
from geo.events import EVENT_TYPES

__all__ = ["FORMAT", "VERSION", "PLACE_ACTIONS", "INCIDENT_ACTIONS", "EDITABLE", "text_hash", "parse_date",
           "PlaceCorrection", "IncidentKey", "IncidentCorrection", "DocumentCorrections", "Corrections"]

FORMAT = "peru-incidents-corrections"
VERSION = 1
#: accept: the mention is right; place: it names ``place_id``; not_place: it names no place; add: a
#: mention the finder missed (``place_id`` given, or chosen by the resolver).
PLACE_ACTIONS = ("accept", "place", "not_place", "add")
#: accept; edit (``set``); reject; add (``set``, from the span's sentence); merge (``with`` other incidents
#: of the document, and optionally ``set``); split (``into`` parts, each a ``set``).
INCIDENT_ACTIONS = ("accept", "edit", "reject", "add", "merge", "split")
#: The fields an edit, an added incident or a part of a split may set.
EDITABLE = ("date", "type", "killed", "injured", "place_id", "actor1", "actor2")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def text_hash(text: str) -> str:
    """The key of a document: the SHA-256 of its text in UTF-8 (the same text anywhere, under any name)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def parse_date(value: str | None) -> tuple[date | None, date | None, date | None, int | None]:
    """(day, start, end, ACLED time precision) of a corrected date: YYYY-MM-DD, YYYY-MM, YYYY, or None."""
    if value is None:
        return None, None, None, None
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise ValueError(f"a date is YYYY-MM-DD, YYYY-MM or YYYY, not {value!r}")
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 3:
            day = date(*parts)
            return day, day, day, 1
        if len(parts) == 2:
            start = date(parts[0], parts[1], 1)
            following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
            return None, start, date.fromordinal(following.toordinal() - 1), 3
        return None, date(parts[0], 1, 1), date(parts[0], 12, 31), 3
    except ValueError:
        raise ValueError(f"{value!r} is not a day of the calendar") from None


@dataclass(frozen=True, slots=True)
class PlaceCorrection:
    """What the analyst said of the place mention at [start, end)."""

    start: int
    end: int
    text: str
    action: str
    place_id: str | None = None

    def record(self) -> dict:
        out = {"start": self.start, "end": self.end, "text": self.text, "action": self.action}
        if self.action in ("place", "add"):
            out["place_id"] = self.place_id
        return out


@dataclass(frozen=True, slots=True)
class IncidentKey:
    """An incident of a document: its evidence span and the start of its place mention (None: no place)."""

    start: int
    end: int
    place_start: int | None = None

    def record(self) -> dict:
        return {"start": self.start, "end": self.end, "place_start": self.place_start}


@dataclass(frozen=True, slots=True)
class IncidentCorrection:
    """What the analyst said of the incident ``key`` (for ``add``: the span of the sentence that tells it)."""

    key: IncidentKey
    action: str
    set: dict = field(default_factory=dict)
    merge_with: tuple[IncidentKey, ...] = ()
    into: tuple[dict, ...] = ()

    def record(self) -> dict:
        out = {**self.key.record(), "action": self.action}
        if self.action in ("edit", "add") or (self.action == "merge" and self.set):
            out["set"] = dict(self.set)
        if self.action == "merge":
            out["with"] = [k.record() for k in self.merge_with]
        if self.action == "split":
            out["into"] = [dict(p) for p in self.into]
        return out


@dataclass(slots=True)
class DocumentCorrections:
    """The corrections of one document, found again by the hash of its text."""

    text_sha256: str
    doc_id: str | None = None
    path: str | None = None
    reviewed: bool = False
    places: list[PlaceCorrection] = field(default_factory=list)
    incidents: list[IncidentCorrection] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.places) + len(self.incidents)

    def record(self) -> dict:
        return {"text_sha256": self.text_sha256, "doc_id": self.doc_id, "path": self.path,
                "reviewed": self.reviewed, "places": [c.record() for c in self.places],
                "incidents": [c.record() for c in self.incidents]}


@dataclass(slots=True)
class Corrections:
    """Every document's corrections, by the hash of its text."""

    documents: dict[str, DocumentCorrections] = field(default_factory=dict)
    source: str = "corrections"

    @classmethod
    def load(cls, path: str | os.PathLike) -> Corrections:
        """Read a corrections file; CorrectionsError names the file, the document and what to fix."""
        name = str(path)
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CorrectionsError(f"{name}: no such file (save one from the review page, "
                                   f"made by 'incidents review')") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise CorrectionsError(f"{name}: cannot be read ({exc})") from None
        except json.JSONDecodeError as exc:
            raise CorrectionsError(f"{name}: not JSON ({exc.msg} at line {exc.lineno}, "
                                   f"column {exc.colno}); save it again from the review page") from None
        return cls.from_dict(data, name)

    @classmethod
    def from_dict(cls, data, source: str = "corrections") -> Corrections:
        """The corrections in ``data`` (the file's JSON); CorrectionsError says what is wrong, and where."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise CorrectionsError(f"{source}: not a corrections file (it needs \"format\": \"{FORMAT}\"; "
                                   f"save one from the review page)")
        if data.get("version") != VERSION:
            raise CorrectionsError(f"{source}: corrections of version {data.get('version')!r}; this tool reads "
                                   f"version {VERSION} (upgrade the tool, or save the corrections again)")
        docs = data.get("documents")
        if not isinstance(docs, list):
            raise CorrectionsError(f"{source}: \"documents\" must be a list")
        out = cls(source=source)
        for n, d in enumerate(docs):
            where = f"{source}: documents[{n}]"
            try:
                dc = _document(d)
            except (KeyError, TypeError, ValueError) as exc:
                raise CorrectionsError(f"{where}: {_message(exc)}") from None
            if dc.text_sha256 in out.documents:
                raise CorrectionsError(f"{where}: a second entry for the text {dc.text_sha256[:12]}... "
                                       f"(one entry a document; merge the two)")
            out.documents[dc.text_sha256] = dc
        return out

    def record(self) -> dict:
        """The file's JSON."""
        return {"format": FORMAT, "version": VERSION, "documents": [d.record() for d in self.documents.values()]}

    def __len__(self) -> int:
        return sum(len(d) for d in self.documents.values())


def _message(exc: Exception) -> str:
    return f"missing field {exc.args[0]!r}" if isinstance(exc, KeyError) else str(exc)


def _document(d: dict) -> DocumentCorrections:
    if not isinstance(d, dict):
        raise TypeError("each document is an object")
    key = d["text_sha256"]
    if not isinstance(key, str) or not re.fullmatch(r"[0-9a-f]{64}", key):
        raise ValueError(f"text_sha256 must be 64 hex digits, not {key!r}")
    places = [_place(p, i) for i, p in enumerate(d.get("places", []))]
    incidents = [_incident(c, i) for i, c in enumerate(d.get("incidents", []))]
    return DocumentCorrections(key, d.get("doc_id"), d.get("path"), bool(d.get("reviewed", False)), places, incidents)


def _span(d: dict, where: str) -> tuple[int, int]:
    start, end = d["start"], d["end"]
    if not (type(start) is int and type(end) is int and 0 <= start <= end):
        raise ValueError(f"{where}: start and end must be offsets with start <= end, not {start!r}, {end!r}")
    return start, end


def _place(p: dict, i: int) -> PlaceCorrection:
    where = f"places[{i}]"
    start, end = _span(p, where)
    action = p["action"]
    if action not in PLACE_ACTIONS:
        raise ValueError(f"{where}: action {action!r} is not one of {', '.join(PLACE_ACTIONS)}")
    place_id = p.get("place_id")
    if action == "place" and not isinstance(place_id, str):
        raise ValueError(f"{where}: action 'place' needs the place_id of a gazetteer place")
    if end == start:
        raise ValueError(f"{where}: an empty span names no place")
    return PlaceCorrection(start, end, str(p["text"]), action, place_id if action in ("place", "add") else None)


def _key(d: dict, where: str) -> IncidentKey:
    start, end = _span(d, where)
    place_start = d.get("place_start")
    if place_start is not None and type(place_start) is not int:
        raise ValueError(f"{where}: place_start must be an offset or null")
    return IncidentKey(start, end, place_start)


def _fields(s, where: str) -> dict:
    if not isinstance(s, dict):
        raise TypeError(f"{where}: 'set' must be an object of fields")
    unknown = sorted(set(s) - set(EDITABLE))
    if unknown:
        raise ValueError(f"{where}: cannot set {', '.join(unknown)} (the fields are {', '.join(EDITABLE)})")
    if "type" in s and s["type"] not in EVENT_TYPES:
        raise ValueError(f"{where}: type {s['type']!r} is not one of {', '.join(EVENT_TYPES)}")
    for col in ("killed", "injured"):
        if col in s and s[col] is not None and not (type(s[col]) is int and s[col] >= 0):
            raise ValueError(f"{where}: {col} must be a whole number of 0 or more, or null")
    for col in ("place_id", "actor1", "actor2"):
        if col in s and s[col] is not None and not isinstance(s[col], str):
            raise ValueError(f"{where}: {col} must be text or null")
    if "date" in s:
        try:
            parse_date(s["date"])
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
    return dict(s)


def _incident(c: dict, i: int) -> IncidentCorrection:
    where = f"incidents[{i}]"
    key = _key(c, where)
    action = c["action"]
    if action not in INCIDENT_ACTIONS:
        raise ValueError(f"{where}: action {action!r} is not one of {', '.join(INCIDENT_ACTIONS)}")
    fields = _fields(c.get("set", {}), where)
    if action == "add" and "type" not in fields:
        raise ValueError(f"{where}: an added incident needs a type in 'set'")
    merge_with = tuple(_key(k, f"{where}.with[{j}]") for j, k in enumerate(c.get("with", [])))
    if action == "merge" and not merge_with:
        raise ValueError(f"{where}: a merge needs the incidents it takes in, in 'with'")
    into = tuple(_fields(p, f"{where}.into[{j}]") for j, p in enumerate(c.get("into", [])))
    if action == "split" and len(into) < 2:
        raise ValueError(f"{where}: a split needs two parts or more in 'into'")
    return IncidentCorrection(key, action, fields, merge_with, into)
