"""Split a document's body into sentences and paragraphs, keeping character offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from geo.document import Document

__all__ = ["Sentence", "split_sentences"]

_ABBREVIATIONS = frozenset({
    "u.s", "u.n", "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "no", "nos", "st",
    "av", "ave", "jr", "sr", "sra", "a.m", "p.m", "approx", "e.g", "i.e", "inc", "vs", "cf", "jan", "feb",
    "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "dept", "gov", "pres", "min", "ing", "lic",
    "a.c", "s.a", "etc", "fig", "p", "pp", "vol", "art", "núm", "num",
})
# A sentence ends at . ! ? (and closing quotes or brackets) followed by space and a capital,
# a digit or an opening mark; paragraphs end at blank lines, list items and numbered paragraphs.
_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*(?:\[\d+\])*\s+(?=[A-ZÁÉÍÓÚÑ¿¡\"“(\[0-9])")
_PARA = re.compile(r"\n[ \t]*\n\s*|\n(?=\s*(?:[-*•]\s|(?:\[\d+\]\(#\))?\d{1,2}\.\s|#))")
# Headings (markdown "#", wiki "=" and underlined "---" lines) end a paragraph.
_INITIAL = re.compile(r"[A-Z]\.")  # "J." of "J. Pérez": no sentence ends after it
_HEADING = re.compile(r"^[#=][^\n]*\n|^[^\n]+\n[-=]{3,}[ \t]*\n", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its offsets in the document and the number of its paragraph."""

    start: int
    end: int
    paragraph: int

    def text(self, doc: Document) -> str:
        return doc.text[self.start:self.end]


def split_sentences(doc: Document) -> list[Sentence]:
    """The sentences of the document's body, in order (those wholly in header lines are left out)."""
    text = _masked(doc)
    found: list[Sentence] = []
    headings = _HEADING.finditer(text) if "#" in text or "=" in text or "\n-" in text else ()  # what each needs
    breaks = sorted([m.span() for m in _PARA.finditer(text)] + [(m.end() - 1, m.end()) for m in headings])
    pos = para = 0
    for bstart, bend in breaks + [(len(text), len(text))]:
        if bstart < pos:
            continue
        _sentences_in(text, pos, bstart, 0, para, found)
        para += 1
        pos = bend
    body = doc.body
    starts = [b0 for b0, _ in body]
    return [s for s in found if _body_letters(doc, s, body, starts) >= 3]


def _masked(doc: Document) -> str:
    """The text with header lines blanked into paragraph breaks and inline header parts into
    spaces: same length, so offsets hold."""
    text = doc.text
    pieces, pos = [], 0
    for s, e in doc.header:  # sorted and disjoint
        pieces += [text[pos:s], ("\n" if s == 0 or text[s - 1] == "\n" else " ") * (e - s)]
        pos = e
    return "".join(pieces) + text[pos:] if pieces else text


def _body_letters(doc: Document, s: Sentence, body: list[tuple[int, int]], starts: list[int]) -> int:
    """Letters of the sentence outside header spans (``body``, the document's body spans, and their ``starts``)."""
    if not doc.in_header(s.start, s.end):
        return s.end - s.start
    n = 0
    for b0, b1 in body[max(0, bisect_right(starts, s.start) - 1):]:
        if b0 >= s.end:
            break
        if s.start < b1:
            n += sum(c.isalpha() for c in doc.text[max(b0, s.start):min(b1, s.end)])
    return n


def _sentences_in(chunk: str, start: int, end: int, offset: int, para: int, out: list[Sentence]) -> None:
    pos = start
    for m in _END.finditer(chunk, start, end):
        word = chunk[max(start, m.start() - 12):m.start()].rsplit(None, 1)[-1] if m.start() > start else ""
        if word.rstrip(".").lower().lstrip("(") in _ABBREVIATIONS or _INITIAL.fullmatch(word):
            continue
        _add(chunk, pos, m.start(), offset, para, out)
        pos = m.end()
    _add(chunk, pos, end, offset, para, out)


def _add(chunk: str, s: int, e: int, offset: int, para: int, out: list[Sentence]) -> None:
    """Add chunk[s:e] without its surrounding white space (str.strip's, str.isspace's) as a sentence, if any is left."""
    part = chunk[s:e]
    kept = part.strip()
    if kept:
        s += len(part) - len(part.lstrip())
        out.append(Sentence(offset + s, offset + s + len(kept), para))
