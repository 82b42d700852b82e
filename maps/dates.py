"""Dates and periods at their precision: "13 Nov 2007", "week of 9 Feb 2009" ("wk of" where room is short), "Oct 2007"."""

from __future__ import annotations

import pandas as pd

__all__ = ["date_at_precision", "span_at_precision"]


def _missing(v) -> bool:
    return v is None or pd.isna(v)


def date_at_precision(precision, day, start, end, *, short: bool = False) -> str | None:
    """An incident's date as a reader would write it, or None when it has none.

    Parameters
    ----------
    precision : ACLED ``time_precision``: 1 the day, 2 the week (or a few days: "6–12 Aug 2009"), 3 a month or vaguer.
    day, start, end : ``event_date``, ``date_start`` and ``date_end`` (timestamps, dates or missing).
    short : for places with little room (map tooltips, the layer control, the date control's text, KML
        names, the briefing's date column): a week from Monday is "wk of 9 Feb 2009", not "week of 9 Feb
        2009"; every other form is already as short as it can be read.
    """
    precision = None if _missing(precision) else int(precision)
    day = None if _missing(day) else pd.Timestamp(day)
    start = None if _missing(start) else pd.Timestamp(start)
    end = None if _missing(end) else pd.Timestamp(end)
    if precision in (1, None) or start is None or end is None:
        return None if day is None else f"{day:%-d %b %Y}"
    if precision == 2 and start.weekday() == 0 and (end - start).days == 6:
        return f"{'wk' if short else 'week'} of {start:%-d %b %Y}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if start.day == 1 and end.is_month_end:
        if (start.year, start.month) == (end.year, end.month):
            return f"{start:%b %Y}"
        return f"{start:%b}–{end:%b %Y}" if start.year == end.year else f"{start:%b %Y}–{end:%b %Y}"
    if start == end:
        return f"{start:%-d %b %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end:%-d %b %Y}"
    return f"{start:%-d %b}–{end:%-d %b %Y}" if start.year == end.year else f"{start:%-d %b %Y}–{end:%-d %b %Y}"


def span_at_precision(start, end, *, short: bool = False) -> str:
    """A period from ``start`` to ``end`` (both included) written like an incident's date: a day, a
    week from Monday, a month, a year ("13 Nov 2007", "week of 12 Nov 2007", "Nov 2007", "2007")."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if start == end:
        return date_at_precision(1, start, start, end)
    return date_at_precision(2 if (end - start).days == 6 else 3, None, start, end, short=short)
