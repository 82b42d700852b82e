"""Document and ReadFailure: what the readers give the rest of the pipeline."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

__all__ = ["Document", "ReadFailure", "Span"]

Span = tuple[int, int]


@dataclass(slots=True)
class Document:
    """One report: its text, its date, and which character spans are header and which body.

    ``header`` spans (cable routing, reference lines, web-page furniture, link targets) hold
    no places of the report; everything else is ``body``. ``date_source`` says where the
    date came from (``"date-time group"``, ``"DECL minus 10 years"``, ``"corpus field"``...).
    ``language`` is the ISO 639-1 code of the report's language (``"en"``, ``"es"``): given by the
    caller or the corpus, else detected from the body by the reader (empty until a reader sets it).
    """

    id: str
    text: str
    path: str = ""
    date: date | None = None
    date_source: str | None = None
    title: str | None = None
    kind: str = "report"  # "cable" or "report"
    language: str = ""
    header: list[Span] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def body(self) -> list[Span]:
        """The spans of text that are not header, in order."""
        spans, pos = [], 0
        for start, end in sorted(self.header):
            if start > pos:
                spans.append((pos, start))
            pos = max(pos, end)
        if pos < len(self.text):
            spans.append((pos, len(self.text)))
        return spans

    def in_header(self, start: int, end: int) -> bool:
        """Does the span [start, end) overlap a header span? (Header spans are sorted, disjoint.)"""
        i = bisect_right(self.header, (start, float("inf")))
        if i and self.header[i - 1][1] > start:
            return True
        return i < len(self.header) and self.header[i][0] < end

    @property
    def datetime(self) -> datetime | None:
        """The cable's date-time group as a UTC datetime, when the document has one."""
        return self.metadata.get("datetime")


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """An input that could not be read, or (``skipped``) was deliberately not opened, with the reason."""

    path: str
    error: str
    id: str | None = None
    skipped: bool = False
