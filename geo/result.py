"""A document's result (its resolved places and incidents) and its JSONL record.

Kept apart from :mod:`geo.pipeline`, which imports every stage: a command that only passes
results on (a rerun served from the cache) needs this module, not the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from geo.document import Document, ReadFailure

if TYPE_CHECKING:
    from geo.incidents import Incident
    from geo.resolve import ResolvedMention

__all__ = ["DocumentResult", "record", "brief"]


@dataclass
class DocumentResult:
    """A document with its resolved place mentions and the incidents it reports."""

    document: Document
    places: list[ResolvedMention] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)


def record(item: DocumentResult | ReadFailure) -> dict:
    """The JSONL record of one input: ``status`` ok with mentions, or failed or skipped with the reason."""
    if isinstance(item, ReadFailure):
        return {"path": item.path, "doc_id": item.id, "doc_date": None,
                "status": "skipped" if item.skipped else "failed",
                "error": item.error, "mentions": [], "incidents": []}
    doc = item.document
    return {
        "path": doc.path, "doc_id": doc.id, "doc_date": doc.date.isoformat() if doc.date else None,
        "date_source": doc.date_source, "title": doc.title, "kind": doc.kind, "status": "ok",
        "language": doc.language,
        "warnings": doc.warnings, "mentions": [r.record() for r in item.places],
        "incidents": [i.record() for i in item.incidents],
    }


def brief(rec: dict) -> dict:
    """What a run's report and summary line need of a record: its names, status, error, warnings and counts."""
    return {"path": rec["path"], "doc_id": rec["doc_id"], "status": rec["status"], "error": rec.get("error"),
            "warnings": rec.get("warnings", []), "mentions": len(rec["mentions"]),
            "incidents": len(rec["incidents"])}
