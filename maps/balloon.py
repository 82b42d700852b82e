"""What an incident's popup says outside the HTML map (KML balloons, GeoJSON descriptions), as labelled rows."""

from __future__ import annotations

import html

import pandas as pd

from maps.dates import date_at_precision

__all__ = ["balloon_title", "balloon_rows", "toll_rows", "balloon_html"]

_PRECISION = {1: "to the day", 2: "to the week", 3: "to the month or vaguer"}


def _value(v):
    """A cell, or None when it is missing (None, NaN, NaT, pandas' NA)."""
    return None if v is None or (not isinstance(v, str) and pd.isna(v)) else v


def _when(row, short: bool = False) -> str | None:
    return date_at_precision(_value(row.time_precision), _value(row.event_date), _value(row.date_start),
                             _value(row.date_end), short=short)


def _date(row) -> str:
    shown = _when(row)
    if shown is None:
        return "undated"
    precision = _PRECISION.get(_value(row.time_precision))
    return f"{shown} ({precision})" if precision else shown


def _figure(row, shown: str, low: str, high: str) -> str:
    """A toll of the row: "3", or "2 (the reports give 2–5)" where the reports disagree."""
    value, low, high = (_value(getattr(row, c)) for c in (shown, low, high))
    if value is None:
        return "not reported"
    if low is not None and high is not None and low != high:
        return f"{value} (the reports give {low}–{high})"
    return str(value)


def balloon_title(row) -> str:
    """The incident in a few words, for a list: "ambush — Huancavelica, 18 Nov 2007" ("wk of 9 Feb 2009")."""
    what = str(_value(row.incident_type) or _value(row.event_type) or "incident").replace("_", " ")
    where = _value(row.location)
    when = _when(row, short=True)
    return what + (f" — {where}" if where else "") + (f", {when}" if when else "")


def balloon_rows(row) -> list[tuple[str, str]]:
    """(label, text) rows of an incidents-table row: date at its precision, type, place, killed,
    injured, actors, evidence and sources; a missing value is said, not left blank."""
    kind = " / ".join(str(v) for v in (_value(row.event_type), _value(row.sub_event_type)) if v)
    place = ", ".join(dict.fromkeys(str(v) for v in (row.location, row.admin3, row.admin2, row.admin1)
                                    if _value(v)))
    sources = "; ".join(str(v) for v in dict.fromkeys((_value(row.source), _value(row.doc_ids))) if v)
    return [("Date", _date(row)), ("Type", kind or "unknown"), ("Place", place or "not located"),
            *toll_rows(row), ("Evidence", str(_value(row.evidence) or "")), ("Sources", sources or "unknown")]


def toll_rows(row) -> list[tuple[str, str]]:
    """The killed, injured and actors rows of :func:`balloon_rows`."""
    actors = " vs. ".join(str(v) for v in (_value(row.actor1), _value(row.actor2)) if v)
    return [("Killed", _figure(row, "fatalities", "fatalities_low", "fatalities_high")),
            ("Injured", _figure(row, "injured", "injured_low", "injured_high")),
            ("Actors", actors or "not named")]


def balloon_html(row) -> str:
    """The rows as an HTML table (every value escaped), for a KML balloon."""
    cells = "".join(f"<tr><th align=\"left\" valign=\"top\">{html.escape(label)}</th>"
                    f"<td>{html.escape(text)}</td></tr>" for label, text in balloon_rows(row))
    return f"<h3>{html.escape(balloon_title(row))}</h3><table>{cells}</table>"

