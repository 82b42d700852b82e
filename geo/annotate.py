"""Annotate a document once: its sentences and, per sentence, the triggers, dates, casualties and actors."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from itertools import islice

from geo import lang, thresholds
from geo.actors import Actor, find_actors
from geo.budget import check
from geo.casualties import Casualty, find_casualties
from geo.dates import DateMention, RelativeDate, find_dates, find_relative_dates, years_in
from geo.document import Document
from geo.sentences import Sentence, split_sentences
from geo.tables import row_toll, toll_tables
from geo.triggers import Trigger, triggers_by_span

__all__ = ["Annotations", "Clause", "annotate"]


@dataclass(slots=True)
class Clause:
    """A sentence (or a clause of a list sentence) and the spans found in it, offsets into the document."""

    sentence: Sentence
    origin: int = 0  # the number of the sentence it is part of
    triggers: list[Trigger] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    relative: list[RelativeDate] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end

    @property
    def paragraph(self) -> int:
        return self.sentence.paragraph


@dataclass(slots=True)
class Annotations:
    """What the incident stage reads: the document's language and its clauses, in order."""

    language: str
    clauses: list[Clause]
    years: list[tuple[int, int]]
    facts: dict[str, tuple[int, int]] = field(default_factory=dict)  # fact-box field -> value span
    dates: list[DateMention] = field(default_factory=list)
    text: str = ""
    tables: list[tuple[int, int]] = field(default_factory=list)  # tables with a deaths column: their rows
    _casualties: dict[int, list[Casualty]] = field(default_factory=dict)
    _actors: dict[int, list[Actor]] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)  # the clauses' starts, for clause_at
    _dated: list[int | None] = field(default_factory=list)  # per clause, the last clause before it with a date

    def casualties(self, clause: Clause) -> list[Casualty]:
        """The casualty phrases of a clause, found the first time they are asked for (most
        clauses are never asked: they hold no incident, or one that is set aside early)."""
        if clause.start not in self._casualties:
            found = find_casualties(self.text, self.language, clause.start, clause.end)
            table = next(((a, b) for a, b in self.tables if a < clause.end and clause.start < b), None)
            if table is not None:
                found = [k for k in found if k.start >= table[0]]  # not the header's "Deaths"
                if not any(k.column == "killed" and k.value is not None for k in found):
                    found = sorted(found + self._row_toll(clause, table[0]), key=lambda k: k.start)
            self._casualties[clause.start] = found
        return self._casualties[clause.start]

    def actors(self, clause: Clause) -> list[Actor]:
        """The actors a clause names, found the first time they are asked for (only a clause an
        incident is made from is asked)."""
        if clause.start not in self._actors:
            self._actors[clause.start] = find_actors(self.text, self.language, clause.start, clause.end)
        return self._actors[clause.start]

    def row_of(self, offset: int) -> int | None:
        """The start of the table row (a clause of a table with a deaths column, the first maybe
        beginning at the header) holding ``offset``, or None."""
        c = self.clause_at(offset)
        if c is None or not any(a < c.end and c.start < b for a, b in self.tables):
            return None
        return c.start

    def _row_toll(self, row: Clause, first_row: int) -> list[Casualty]:
        """A table row's figure in the deaths column: the first after its date ("Cayara massacre May 14,
        1988 Cayara District, Ayacucho 39")."""
        toll = row_toll(self.text, max(row.dates[0].end if row.dates else row.start, first_row), row.end)
        return [Casualty("killed", toll[0], toll[1], toll[2], self.text[toll[1]:toll[2]])] if toll else []

    @property
    def title(self) -> Clause | None:
        """The first clause when it is a title line: short, in a paragraph of its own."""
        if len(self.clauses) > 1 and self.clauses[1].paragraph != self.clauses[0].paragraph \
                and self.clauses[0].end - self.clauses[0].start <= thresholds.TABLE.title_chars:
            return self.clauses[0]
        return None

    def clause_at(self, offset: int) -> Clause | None:
        """The clause holding a character offset."""
        if len(self._starts) != len(self.clauses):
            self._starts[:] = [c.start for c in self.clauses]
        i = bisect_right(self._starts, offset) - 1
        return self.clauses[i] if i >= 0 and offset < self.clauses[i].end else None

    def dated_before(self, i: int) -> int | None:
        """The index of the last clause before clause ``i`` that writes a date, or None."""
        if len(self._dated) != len(self.clauses):
            last: int | None = None
            self._dated[:] = []
            for n, c in enumerate(self.clauses):
                self._dated.append(last)
                last = n if c.dates else last
        return self._dated[i]


_SEMICOLON = re.compile(r";\s*")
_FACT_LINE = re.compile(r"^[ \t]*[-*•][ \t]*(?P<label>[^\W\d][\w ]{1,30}?)[ \t]*:[ \t]*(?P<value>[^\n]+)$", re.MULTILINE)


def annotate(doc: Document) -> Annotations:
    """Find sentences and triggers, then dates and relative dates, once each, where an incident word
    makes them matter (its paragraph; casualty phrases and actors when first asked for)."""
    code = getattr(doc, "language", None) or lang.detect(doc.text)
    years = years_in(doc.text, doc.in_header)
    if "year" in doc.metadata and not doc.date:  # the year of a file name dates what the text leaves without one
        years.insert(0, (-1, doc.metadata["year"]))
    sentences = split_sentences(doc)
    triggered = triggers_by_span(doc.text, code, [(s.start, s.end) for s in sentences])
    facts = _facts(doc.text, code)
    spans = _telling_spans(sentences, triggered) + ([facts["date"]] if "date" in facts else [])
    telling = {s.paragraph for s, t in zip(sentences, triggered) if t}
    relatives = [find_relative_dates(doc.text, s.start, s.end) if s.paragraph in telling else [] for s in sentences]
    starts = [s.start for s in sentences]
    dates: list[DateMention] = []
    for span in sorted(spans):  # in order: a day told alone ("El 26, ...") is of the month told last
        first, last = bisect_right(starts, span[0]) - 1, bisect_left(starts, span[1])
        known = _within_sentences(sentences, first, last, span, telling)  # else the date finder looks for them
        relative = [r for rs in relatives[first:last] for r in rs] if known else None
        dates += find_dates(doc.text, doc.date, skip=doc.in_header, span=span, years=years, told=dates,
                            relative=relative)
    told: list[list] = [[] for _ in sentences]
    for d in dates:
        i = bisect_right(starts, d.start) - 1
        if i >= 0 and d.end <= sentences[i].end:
            told[i].append(d)
    joiner = _new_event_joiner(code)
    clauses = []
    for n, s in enumerate(sentences):
        check()
        relative, triggers = relatives[n], triggered[n]
        parts = _clauses(doc.text, s, told[n] + relative, triggers, joiner)
        if len(parts) == 1:  # the sentence whole: every span found in it is of its one clause
            clauses.append(Clause(s, n, dates=told[n], relative=relative, triggers=triggers))
            continue
        for part, dated, rel, trig in zip(parts, _by_part(told[n], parts), _by_part(relative, parts),
                                          _by_part(triggers, parts)):
            clauses.append(Clause(part, n, dates=dated, relative=rel, triggers=trig))
    return Annotations(code, clauses, years, facts, dates, doc.text, toll_tables(doc.text, code))


def _within_sentences(sentences: list[Sentence], first: int, last: int, span: tuple[int, int],
                      telling: set[int]) -> bool:
    """Is ``span`` made of the telling sentences ``first`` to ``last`` (exclusive), whose relative dates
    are found already? (A fact box's date line may lie outside every sentence.)"""
    return first >= 0 and last > first and sentences[first].start == span[0] and sentences[last - 1].end == span[1] \
        and all(s.paragraph in telling for s in sentences[first:last])


def _by_part(spans: list, parts: list[Sentence]) -> list[list]:
    """Per part of a sentence, the spans (anything with a ``start``) that start in it, in their order."""
    starts = [p.start for p in parts]
    out: list[list] = [[] for _ in parts]
    for span in spans:
        i = bisect_right(starts, span.start) - 1
        if i >= 0 and span.start < parts[i].end:
            out[i].append(span)
    return out


def _telling_spans(sentences: list[Sentence], triggered: list[list[Trigger]]) -> list[tuple[int, int]]:
    """The spans of the sentences with an incident word and of the few before them in their paragraph:
    only there do dates matter."""
    carries = thresholds.TABLE.date_carries
    wanted = {m for n, t in enumerate(triggered) if t
              for m in range(max(0, n - carries), n + 1) if sentences[m].paragraph == sentences[n].paragraph}
    spans: list[tuple[int, int]] = []
    for n, s in enumerate(sentences):
        if n in wanted:
            if spans and spans[-1][1] >= s.start - 2:
                spans[-1] = (spans[-1][0], s.end)
            else:
                spans.append((s.start, s.end))
    return spans


def _facts(text: str, code: str) -> dict[str, tuple[int, int]]:
    """The fields of an infobox or fact box ("- Date: 13 November 1983", "- Fatalities: 32") that the
    language names (INFOBOX_FIELDS), first of each kind: what they give -> the value's span."""
    fields = lang.lexicon(code).INFOBOX_FIELDS
    out: dict[str, tuple[int, int]] = {}
    for m in _FACT_LINE.finditer(text):
        what = fields.get(m.group("label").strip().lower())
        if what and what not in out:
            out[what] = m.span("value")
    for m in _infobox_lines(code).finditer(text):
        what = fields.get(m.group("label").lower())
        if what and what not in out:
            out[what] = m.span("value" if m.group("value") else "below")
    return out


@cache
def _infobox_lines(code: str) -> re.Pattern:
    """An infobox flattened into lines, its label run into the value ("Deaths9 soldiers", "Fecha 22 de
    abril de 1997") or standing alone above its figures ("Bajas" / "2 comandos" / "1 rehén"): a
    capitalised label of the language's INFOBOX_FIELDS, then a figure or a capital, on lines of their own."""
    labels = "|".join(sorted(map(re.escape, lang.lexicon(code).INFOBOX_FIELDS), key=len, reverse=True))
    figures = r"(?:\n[ \t]*\d[^\n]{0,60}(?=\n|$))"
    return re.compile(rf"^(?P<label>(?=[A-ZÁÉÍÓÚÑ])(?i:{labels}))(?![ \t]*:)(?:[ \t]*(?P<value>(?=[\dA-ZÁÉÍÓÚÑ])"
                      rf"[^\n]{{1,120}}{figures}*)|[ \t]*(?P<below>{figures}+))[ \t]*$", re.MULTILINE)


def _clauses(text: str, s: Sentence, dates: list, triggers: list[Trigger], joiner: re.Pattern) -> list[Sentence]:
    """A sentence telling several events gives each its own clause: it is cut at semicolons, and,
    after an incident word, where a conjunction or comma brings a new date ("on May 3 ..., and on
    May 5 ...") or a date told from the last ("..., y al día siguiente ..."); not between a date and
    its apposition ("on Saturday, April 9")."""
    cuts = [(m.start(), m.end()) for m in _SEMICOLON.finditer(text, s.start, s.end)]
    if triggers:  # only after an incident word does a date or a table row start a clause
        ordered = sorted(dates, key=lambda d: d.start)
        ends = [e.end for e in ordered]  # dates and relative dates never overlap: sorted too
        first_trigger_end = min(t.end for t in triggers)
        for d in ordered[1:] + [d for d in ordered[:1] if isinstance(d, RelativeDate)]:
            m = joiner.search(text, max(s.start, d.start - 8), d.start)
            if m and first_trigger_end <= m.start() and not _ends_near(ends, m.start() - 3, m.start()):
                cuts.append((m.start(), m.end()))
        cuts += _row_breaks(text, s, ordered, triggers)
    if not cuts:
        return [s]
    parts, pos = [], s.start
    for cut_start, cut_end in sorted(cuts):
        if cut_start < pos:
            continue
        if _words_at_least(text, pos, cut_start, 4) and _words_at_least(text, cut_end, s.end, 4):
            parts.append(Sentence(pos, cut_start, s.paragraph))
            pos = cut_end
    parts.append(Sentence(pos, s.end, s.paragraph))
    return parts


def _ends_near(ends: list[int], lo: int, hi: int) -> bool:
    """Does a span of the sorted ``ends`` end within [lo, hi]?"""
    i = bisect_left(ends, lo)
    return i < len(ends) and ends[i] <= hi


def _words_at_least(text: str, start: int, end: int, n: int) -> bool:
    """Does ``text[start:end]`` hold at least ``n`` words? (Reads no further than the n-th.)"""
    return sum(1 for _ in islice(_WORD.finditer(text, start, end), n)) == n


_WORD = re.compile(r"\S+")


def _row_breaks(text: str, s: Sentence, dates: list, triggers: list[Trigger]) -> list[tuple[int, int]]:
    """Line breaks between the rows of a table flattened into text ("Lucanamarca massacre April 3,
    1983 Lucanamarca 69" / "Cayara massacre May 14, 1988 ..."): a line with its own date and
    incident word, followed by a line that starts with a capital and names an incident too; or any
    line before one that opens with a name and an incident word and holds its own date ("4 injured" /
    "Santa massacre May 2, 1992 ...": the last row's cell wrapped onto a line of its own)."""
    out, line = [], s.start
    date_starts = [d.start for d in dates]
    trigger_starts = sorted(t.start for t in triggers)
    for m in _NEWLINE.finditer(text, s.start, s.end):
        nxt_end = text.find("\n", m.end(), s.end)
        nxt_end = s.end if nxt_end < 0 else nxt_end
        d, e = bisect_left(date_starts, line), bisect_left(date_starts, m.end())
        dated_here = d < len(dates) and dates[d].end <= m.start()
        dated_next = e < len(dates) and dates[e].end <= nxt_end
        if text[m.end():m.end() + 1].isupper() and _any_in(trigger_starts, m.end(), nxt_end) and (
                dated_here and _any_in(trigger_starts, line, m.start())
                or dated_next and _any_in(trigger_starts, m.end(), min(nxt_end, m.end() + 40))):
            out.append((m.start(), m.end()))
        line = m.end()
    return out


def _any_in(starts: list[int], lo: int, hi: int) -> bool:
    """Does one of the sorted ``starts`` fall in [lo, hi)?"""
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


_NEWLINE = re.compile(r"\n")


@cache
def _new_event_joiner(code: str) -> re.Pattern:
    """A comma or conjunction right before a date: where a sentence starts telling the next event."""
    words = "|".join(lang.lexicon(code).LIST_JOINERS)
    return re.compile(rf"(?:,\s*(?:(?:{words})\s+)?|\s+(?:{words})\s+)$", re.IGNORECASE)
