"""Tables flattened into text: a header naming a deaths column, and the toll each row gives there."""

from __future__ import annotations

import re
from functools import cache

from geo import lang

__all__ = ["toll_tables", "row_toll", "row_year"]

# A header line: three to eight capitalised column names, maybe run together ("NameDateLocationDeathsNotes").
_HEADER = re.compile(r"^[ \t]*(?:[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:[ \t]+[a-záéíóúñ]+)?[ \t]*){3,8}$", re.MULTILINE)
_TABLE_END = re.compile(r"\n[ \t]*\n")
# A figure, or the lower end of a range ("47-74", "500 - 1,500"); not inside a citation mark ("[2]").
_FIGURE = re.compile(r"(?<![\d,.\[])(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?![\d\]])(?:\s*[-–]\s*\d[\d,]*)?")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


@cache
def _killed_labels(code: str) -> re.Pattern:
    labels = [w for w, what in lang.lexicon(code).INFOBOX_FIELDS.items() if what == "killed"]
    return re.compile("|".join(sorted(map(re.escape, labels), key=len, reverse=True)), re.IGNORECASE)


def toll_tables(text: str, code: str) -> list[tuple[int, int]]:
    """The spans of the tables whose header names a deaths column ("Deaths", "Muertos", "Víctimas"):
    from the line after the header to the first blank line."""
    out = []
    for m in _HEADER.finditer(text):
        if _killed_labels(code).search(m.group(0)):
            end = _TABLE_END.search(text, m.end())
            out.append((m.end(), end.start() if end else len(text)))
    return out


def row_toll(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The toll of a row, text[start:end] after its date: the first figure that is no year (the lower
    end of a range), as (value, start, end); None when the row gives none."""
    for m in _FIGURE.finditer(text, start, end):
        figure = m.group("n")
        if _YEAR.fullmatch(figure):
            continue  # "1881Cañete Valley": a year written in the date column
        return int(figure.replace(",", "")), m.start(), m.end()
    return None


def row_year(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The year a row without a full date writes in its date column ("... massacre 1881Cañete
    Valley"), as (year, start, end); None when it writes none."""
    for m in _FIGURE.finditer(text, start, end):
        if _YEAR.fullmatch(m.group("n")):
            return int(m.group("n")), m.start("n"), m.end("n")
    return None
