"""Run documents through the pipeline: structure -> mentions -> resolved places -> incidents."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.budget import Budget, check
from geo.document import Document, ReadFailure
from geo.errors import OverBudget, failure_reason
from geo.incidents import extract_incidents
from geo.mentions import MentionFinder
from geo.resolve import resolve
from geo.result import DocumentResult, record

__all__ = ["DocumentResult", "process", "outcome", "record"]


def process(doc: Document, gazetteer: Gazetteer | None = None) -> DocumentResult:
    """Find and resolve every place mention of one document, then its incidents."""
    gaz = gazetteer or Gazetteer.load()
    mentions = MentionFinder.for_gazetteer(gaz).find(doc)
    check()
    places = resolve(doc, mentions, gaz)
    check()
    return DocumentResult(doc, places, extract_incidents(doc, places))


def outcome(item: Document | ReadFailure, gazetteer: Gazetteer | None = None,
            budget: Budget = Budget()) -> DocumentResult | ReadFailure:
    """Process one document within its budget; any failure makes it a ReadFailure with the reason.

    One bad document never stops the others: whatever goes wrong in a stage is caught here.
    """
    if isinstance(item, ReadFailure):
        return item
    gaz = gazetteer or Gazetteer.load()
    MentionFinder.for_gazetteer(gaz)  # built once, outside any document's clock
    try:
        budget.check_size(item.text)
        with budget.clock("finding its places and incidents"):
            return process(item, gaz)
    except OverBudget as exc:
        return ReadFailure(item.path, str(exc), item.id)
    except Exception as exc:  # noqa: BLE001 - the point: one document's failure is that document's
        return ReadFailure(item.path, failure_reason(exc), item.id)
