"""Run documents through the pipeline: structure -> mentions -> resolved places -> incidents."""

from __future__ import annotations

from dataclasses import dataclass, field

from gazetteer import Gazetteer
from geo.document import Document, ReadFailure
from geo.incidents import Incident, extract_incidents
from geo.mentions import MentionFinder
from geo.resolve import ResolvedMention, resolve

__all__ = ["DocumentResult", "process", "record"]


@dataclass
class DocumentResult:
    """A document with its resolved place mentions and the incidents it reports."""

    document: Document
    places: list[ResolvedMention] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)


def process(doc: Document, gazetteer: Gazetteer | None = None) -> DocumentResult:
    """Find and resolve every place mention of one document, then its incidents."""
    gaz = gazetteer or Gazetteer.load()
    mentions = MentionFinder.for_gazetteer(gaz).find(doc)
    places = resolve(doc, mentions, gaz)
    return DocumentResult(doc, places, extract_incidents(doc, places))


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
