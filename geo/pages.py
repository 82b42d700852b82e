"""Page breaks of text extracted from PDF (a form feed and the page number): blanked, keeping offsets."""

from __future__ import annotations

import re

__all__ = ["blank_page_breaks"]

# A form feed with the page number on its own line before or after it, and the blank lines around.
_PAGE_BREAK = re.compile(r"[ \t]*(?:\n[ \t]*)+\d{1,4}[ \t]*(?:\n[ \t]*)+\f|\f(?:[ \t]*\n)*[ \t]*\d{1,4}[ \t]*(?=\n)|\f")
_SENTENCE_END = ".!?:;\"”»)"


def blank_page_breaks(text: str) -> str:
    """``text`` with each page break made spaces, so that a sentence (and a date) running over it reads
    on ("El 5 de diciembre de / 121 / 1988, ..."); a break after a sentence's end stays a paragraph
    break. Every character keeps its offset."""
    if "\f" not in text:
        return text
    parts, pos = [], 0
    for m in _PAGE_BREAK.finditer(text):
        s, e = m.span()
        before = text[max(0, s - 80):s].rstrip()
        parts.append(text[pos:s])
        if before[-1:] in _SENTENCE_END and e - s >= 2:
            parts.append("\n\n" + " " * (e - s - 2))  # between paragraphs: a paragraph break still
        else:
            parts.append(" " * (e - s))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)
