"""Event dates: find date expressions in English and Spanish and resolve them against the document date."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from geo.docdate import MONTHS

__all__ = ["DateMention", "find_dates", "years_in", "TIME_PRECISION"]

#: ACLED time_precision: 1 the day is known, 2 the week or a few days, 3 the month (or vaguer).
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

_MONTH_NAMES = sorted(MONTHS, key=len, reverse=True)
_MON = r"(?P<mon>" + "|".join(_MONTH_NAMES) + r")\.?"
_FULL_MONTHS = sorted((m for m in MONTHS if len(m) > 4 or m in ("may", "mayo", "june", "july", "junio", "julio")),
                      key=len, reverse=True)
_MON_FULL = r"(?P<mon>" + "|".join(_FULL_MONTHS) + r")"
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
             "sunday": 6, "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3,
             "viernes": 4, "sábado": 5, "sabado": 5, "domingo": 6}
_WD = r"(?P<wd>" + "|".join(_WEEKDAYS) + r")"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?:\s*(?:-|–|and|to|al|y|a)\s*(?P<day2>[0-3]?\d))?"
_SEP = r"[\s\n]+"

_ANY_MONTH = re.compile(r"\b(?:" + "|".join(_MONTH_NAMES) + r")\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_NEEDS_MONTH = {"day_month_es", "month_day", "day_month", "part_month", "month_year", "month"}
_NEEDS_DIGIT = {"iso", "numeric", "day_month_es", "month_day", "day_month", "the_nth", "year", "part_year"}
_ANY_YEAR = re.compile(r"\b(?:19[0-9]\d|20[0-4]\d)\b")
# Ordered: the first pattern to match a span wins.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("numeric", re.compile(r"(?<![\w/])(?P<mnum>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])"
                           r"(?:/(?P<yy>\d{2}|\d{4}))?(?![\w/])")),
    ("day_month_es", re.compile(rf"\b(?:el\s+)?{_DAY}{_DAY2}{_SEP}de{_SEP}{_MON}(?:{_SEP}(?:de|del){_SEP}{_YEAR})?\b",
                                re.IGNORECASE)),
    ("month_day", re.compile(rf"\b{_MON}{_SEP}{_DAY}{_DAY2}\b(?:,?{_SEP}{_YEAR}\b)?", re.IGNORECASE)),
    ("day_month", re.compile(rf"\b{_DAY}{_DAY2}{_SEP}{_MON}(?:,?{_SEP}{_YEAR})?\b", re.IGNORECASE)),
    ("part_month", re.compile(rf"\b(?P<part>early|mid|late|end of|beginning of|a (?:fines|finales|inicios|"
                              rf"comienzos|mediados) de|(?:fines|finales|inicios|comienzos|mediados) de)"
                              rf"[\s-]+{_MON}(?:,?{_SEP}(?:de{_SEP})?{_YEAR})?\b", re.IGNORECASE)),
    ("part_year", re.compile(rf"\b(?:a\s+)?(?P<part>mediados|inicios|comienzos|fines|finales|mid|early|late)"
                             rf"(?:\s+de|-)?\s+{_YEAR}\b", re.IGNORECASE)),
    ("month_year", re.compile(rf"\b(?:in{_SEP}|en{_SEP})?{_MON_FULL}(?:{_SEP}(?:of{_SEP}|de{_SEP}|del{_SEP})?{_YEAR})\b",
                              re.IGNORECASE)),
    ("month", re.compile(rf"\b(?:in|en|since|desde|during|durante|the|last|this|el|este){_SEP}{_MON_FULL}\b",
                         re.IGNORECASE)),
    ("weekday", re.compile(rf"\b(?:(?:on|last|el|este|el\s+pasado)\s+)?{_WD}(?:\s+pasado)?\b", re.IGNORECASE)),
    ("relative", re.compile(r"\b(?P<rel>last week|la semana pasada|yesterday|ayer|today|hoy|"
                            r"last month|el mes pasado|the same day|el mismo día|that day|ese día)\b",
                            re.IGNORECASE)),
    ("the_nth", re.compile(r"\bthe (?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?! (?:century|anniversary|of))",
                           re.IGNORECASE)),
    ("year", re.compile(rf"\b(?:in|en|of|de|del){_SEP}{_YEAR}\b")),
]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a document, resolved to a span of days with an ACLED precision."""

    text: str
    start: int
    end: int
    date_start: date
    date_end: date
    precision: str  # day, week, month or year

    @property
    def time_precision(self) -> int:
        return TIME_PRECISION[self.precision]

    @property
    def date(self) -> date:
        return self.date_start


def find_dates(text: str, doc_date: date | None, *, skip=lambda s, e: False, span: tuple[int, int] | None = None,
               years: list[tuple[int, int]] | None = None) -> list[DateMention]:
    """Every date expression in ``text`` resolved against ``doc_date``, in order, never overlapping.

    A month and day without a year take the document's year, or the year before when that
    would put them after the document date. Weekdays and "last week" count back from it.
    ``skip(start, end)`` says which spans are metadata (declassification lines, headers);
    ``span`` limits the search to part of the text, and ``years`` (from :func:`years_in`) saves
    finding the years written before it again.
    """
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    lo, hi = span or (0, len(text))
    if years is None:
        years = years_in(text, skip)
    has_month = bool(_ANY_MONTH.search(text, lo, hi))
    has_digit = bool(_DIGIT.search(text, lo, hi))
    for kind, pattern in _PATTERNS:
        if (kind in _NEEDS_MONTH and not has_month) or (kind in _NEEDS_DIGIT and not has_digit):
            continue
        for m in pattern.finditer(text, lo, hi):
            s, e = m.span()
            if skip(s, e) or any(a < e and s < b for a, b in taken):
                continue
            # without a document date, a month and day take the year last written before them
            year_context = (doc_date.year if doc_date else
                            next((y for pos, y in reversed(years) if pos < s), None))
            found = _resolve(kind, m, doc_date, year_context, text)
            if found is None:
                continue
            taken.append((s, e))
            out.append(DateMention(m.group(0), s, e, *found))
    out.sort(key=lambda d: d.start)
    return out


def years_in(text: str, skip=lambda s, e: False) -> list[tuple[int, int]]:
    """(offset, year) of every year written in the text, for dating months and days without one."""
    return [(m.start(), int(m.group(0))) for m in _ANY_YEAR.finditer(text) if not skip(m.start(), m.end())]


def _month(m: re.Match) -> int | None:
    if m.groupdict().get("mnum"):
        return int(m.group("mnum"))
    name = (m.groupdict().get("mon") or "").lower().rstrip(".")
    return MONTHS.get(name)


def _anchor_year(month: int, day: int, doc_date: date | None, year_context: int | None) -> int | None:
    if doc_date is None:
        return year_context
    year = doc_date.year
    try:
        if date(year, month, day) > doc_date + timedelta(days=1):
            year -= 1
    except ValueError:
        return None
    return year


def _resolve(kind: str, m: re.Match, doc_date: date | None, year_context: int | None, text: str):
    g = m.groupdict()
    try:
        if kind in ("iso", "numeric", "day_month_es", "month_day", "day_month"):
            month = _month(m)
            if not month:
                return None
            day = int(g["day"])
            year = _year(g.get("year") or g.get("yy"))
            if kind == "numeric" and not year and doc_date is None:
                return None  # "3/4" with nothing to anchor it: not a date we can trust
            year = year or _anchor_year(month, day, doc_date, year_context)
            if year is None:
                return None
            first = date(year, month, day)
            last = first
            if g.get("day2"):
                last = date(year, month, int(g["day2"]))
                if last < first:
                    return None
            return first, last, "day" if last == first else "week"
        if kind in ("part_month", "month_year", "month"):
            month = _month(m)
            if not month:
                return None
            year = _year(g.get("year")) or (_anchor_year(month, 1, doc_date, year_context)
                                            if doc_date else year_context)
            if year is None:
                return None
            last_day = calendar.monthrange(year, month)[1]
            part = (g.get("part") or "").lower()
            if "early" in part or "inicio" in part or "comienzo" in part or "beginning" in part:
                return date(year, month, 1), date(year, month, 10), "month"
            if "mid" in part or "mediados" in part:
                return date(year, month, 11), date(year, month, 20), "month"
            if "late" in part or "end" in part or "fines" in part or "finales" in part:
                return date(year, month, 21), date(year, month, last_day), "month"
            return date(year, month, 1), date(year, month, last_day), "month"
        if kind == "weekday":
            before = text[max(0, m.start() - 12):m.start()].split()
            if doc_date is None or (before and before[-1][:1].isupper() and m.group(0)[:1].isupper()
                                    and not before[-1].lower().rstrip(",") in ("on", "last", "el", "este")):
                return None  # no report date to count back from, or a name ("Santo Domingo")
            back = (doc_date.weekday() - _WEEKDAYS[g["wd"].lower()]) % 7
            day = doc_date - timedelta(days=back)
            return day, day, "day"
        if kind == "relative":
            rel = g["rel"].lower()
            if rel in ("the same day", "el mismo día", "that day", "ese día"):
                return None  # resolved by the incident stage from the event told before
            if doc_date is None:
                return None
            if rel in ("yesterday", "ayer"):
                day = doc_date - timedelta(days=1)
                return day, day, "day"
            if rel in ("today", "hoy"):
                return doc_date, doc_date, "day"
            if rel in ("last week", "la semana pasada"):
                start = doc_date - timedelta(days=doc_date.weekday() + 7)
                return start, start + timedelta(days=6), "week"
            first = (doc_date.replace(day=1) - timedelta(days=1)).replace(day=1)
            return first, first.replace(day=calendar.monthrange(first.year, first.month)[1]), "month"
        if kind == "the_nth":
            if doc_date is None:
                return None
            day = int(g["day"])
            month, year = doc_date.month, doc_date.year
            if day > doc_date.day:
                month, year = (month - 1, year) if month > 1 else (12, year - 1)
            d = date(year, month, day)
            return d, d, "day"
        if kind == "part_year":
            year, part = int(g["year"]), g["part"].lower()
            if part in ("mediados", "mid"):
                return date(year, 5, 1), date(year, 8, 31), "month"
            if part in ("inicios", "comienzos", "early"):
                return date(year, 1, 1), date(year, 4, 30), "month"
            return date(year, 9, 1), date(year, 12, 31), "month"
        if kind == "year":
            year = int(g["year"])
            return date(year, 1, 1), date(year, 12, 31), "year"
    except ValueError:
        return None  # "February 30", "13/13/07"
    return None


def _year(value: str | None) -> int | None:
    if not value:
        return None
    y = int(value)
    if y < 100:
        y += 2000 if y < 50 else 1900
    return y
