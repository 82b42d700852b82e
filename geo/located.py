"""A document's located places, indexed so that each clause looks up its own in logarithmic time."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import cached_property

from geo.annotate import Annotations, Clause
from geo.resolve import ResolvedMention

__all__ = ["Located", "CHAIN"]

#: The most places a run of places named together holds ("Pichari, La Mar, Ayacucho, Peru" is four).
CHAIN = 12


class Located:
    """The places of a document that resolved to a gazetteer place, in text order."""

    def __init__(self, places: list[ResolvedMention], ann: Annotations):
        self.places = sorted((r for r in places if r.place is not None), key=lambda r: r.mention.start)
        self.starts = [r.mention.start for r in self.places]
        self.ann = ann

    def within(self, start: int, end: int) -> list[ResolvedMention]:
        """The places named wholly inside [start, end)."""
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [r for r in self.places[lo:hi] if r.mention.end <= end]

    def last_run_before(self, c: Clause, together: Callable[[ResolvedMention, ResolvedMention], bool]
                        ) -> list[ResolvedMention]:
        """The last event places named before clause ``c`` in its paragraph, with those named
        together with them just before (``together(a, b)``; at most ``CHAIN``), in text order."""
        run: list[ResolvedMention] = []
        for n in range(bisect_left(self.starts, c.start) - 1, -1, -1):
            r = self.places[n]
            p = self.ann.clause_at(r.mention.start)
            if p is not None and p.paragraph != c.paragraph:
                break
            if r.role != "event" or p is None:
                continue
            if run and not together(r, run[-1]) or len(run) == CHAIN:
                break
            run.append(r)
        return run[::-1]

    @cached_property
    def title(self) -> ResolvedMention | None:
        """The first event place (not the country) of the first clause or outside every clause."""
        return next((r for r in self.places if r.role == "event" and r.place.kind != "country"
                     and ((p := self.ann.clause_at(r.mention.start)) is None or p.start == 0)), None)

    @cached_property
    def _countries(self) -> tuple[int | None, dict[int, int]]:
        """(index of the first country named in the title or outside clauses, index of the first per paragraph)."""
        title, first, per_paragraph = self.ann.title, None, {}
        for n, r in enumerate(self.places):
            if r.place.kind != "country":
                continue
            p = self.ann.clause_at(r.mention.start)
            if p is None or p is title:
                first = n if first is None else first
            else:
                per_paragraph.setdefault(p.paragraph, n)
        return first, per_paragraph

    def country(self, c: Clause) -> ResolvedMention | None:
        """The first country named in clause ``c``'s paragraph or the title (or outside every clause)."""
        first, per_paragraph = self._countries
        found = [n for n in (first, per_paragraph.get(c.paragraph)) if n is not None]
        return self.places[min(found)] if found else None
