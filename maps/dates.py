"""Dates written at the precision the text gives them: "13 Nov 2007", "week of 9 Feb 2009", "6–12 Aug 2009", "Oct 2007", "1984"."""

from __future__ import annotations

import pandas as pd

__all__ = ["date_at_precision"]


def _missing(v) -> bool:
    return v is None or pd.isna(v)


def date_at_precision(precision, day, start, end) -> str | None:
    """An incident's date as a reader would write it, or None when it has none.

    Parameters
    ----------
    precision : ACLED ``time_precision``: 1 the day, 2 the week (or a few days: "6–12 Aug 2009"), 3 a month or vaguer.
    day, start, end : ``event_date``, ``date_start`` and ``date_end`` (timestamps, dates or missing).
    """
    precision = None if _missing(precision) else int(precision)
    day = None if _missing(day) else pd.Timestamp(day)
    start = None if _missing(start) else pd.Timestamp(start)
    end = None if _missing(end) else pd.Timestamp(end)
    if precision in (1, None) or start is None or end is None:
        return None if day is None else f"{day:%-d %b %Y}"
    if precision == 2 and start.weekday() == 0 and (end - start).days == 6:
        return f"week of {start:%-d %b %Y}"
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
