"""Document dates: the date lines and headings that date a whole report."""

from __future__ import annotations

import re
from datetime import date

from geo import lang

__all__ = ["MONTHS", "WEEKDAYS", "FIRST_DAY", "LAST_DAY", "tables", "parse_date_text", "find_date_line"]

#: The days a document may be dated within: the years event dates are read in (1800 to 2099).
FIRST_DAY, LAST_DAY = date(1800, 1, 1), date(2099, 12, 31)


def tables(name: str) -> dict:
    """Table ``name`` of every language module, merged (a tuple of phrases maps each to 0): dates are
    read in every language, as an English cable quotes Spanish dates."""
    merged: dict = {}
    for code in lang.languages():
        table = getattr(lang.lexicon(code), name)
        merged.update(table if isinstance(table, dict) else dict.fromkeys(table, 0))
    return merged


#: Month names and abbreviations of every language -> month number.
MONTHS: dict[str, int] = {**tables("MONTHS"), **tables("MONTH_ABBREVIATIONS")}
#: Weekday names of every language -> weekday number (Monday 0).
WEEKDAYS: dict[str, int] = tables("WEEKDAYS")

_MONTH = r"(?P<month>[A-Za-zé]{3,10})\.?"
_PATTERNS = [
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d?)\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d\d?)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<day>\d\d?)(?:\s+de)?\s+{_MONTH}(?:\s+de)?,?\s+(?P<year>(?:19|20)\d\d)\b"),
]
# A line that is nothing but a date, with an optional weekday, or a labelled date.
_DATE_LINE = re.compile(r"^\s*(?:#+\s*)?(?:\[)?(?:(?:date|fecha|created|published|publicado)\s*:?\s*)?"
                        r"(?:(?:" + "|".join(WEEKDAYS) + r"),?\s+)?(?P<rest>.{6,40}?)"
                        r"\s*(?:\d\d:\d\d(?::\d\d)?)?\s*(?:\]\(.*\))?\s*$", re.IGNORECASE)


_YEAR = re.compile(r"(?:19|20)\d\d")


def parse_date_text(text: str) -> date | None:
    """The first full date (day, month and year) written in ``text``, or None."""
    for pattern in _PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        groups = m.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else MONTHS.get(groups["month"].lower().rstrip("."))
        if not month:
            continue
        try:
            return date(int(groups["year"]), month, int(groups["day"]))
        except ValueError:
            continue
    return None


def find_date_line(lines: list[str], limit: int = 12) -> date | None:
    """The date of a report from a line near its top that holds only a date (a dateline)."""
    for line in lines[:limit]:
        if len(line) > 80 or not _YEAR.search(line):
            continue
        m = _DATE_LINE.match(line)
        if m:
            found = parse_date_text(m["rest"])
            if found:
                return found
    return None
