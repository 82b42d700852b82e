"""How incidents look: a colour per event type, a size per fatality count, periods and their names."""

from __future__ import annotations

import math

import pandas as pd

from maps.dates import span_at_precision

__all__ = [
    "AREA_TOLERANCE",
    "EVENT_COLOURS",
    "FATALITY_BINS",
    "PERIODS",
    "colour",
    "period_key",
    "period_label",
    "radius",
]

#: One colour per ACLED event type (colour-blind-safe palette, Okabe-Ito).
EVENT_COLOURS = {
    "Battles": "#D55E00",
    "Violence against civilians": "#CC79A7",
    "Explosions/Remote violence": "#E69F00",
    "Protests": "#0072B2",
    "Riots": "#56B4E9",
    "Strategic developments": "#009E73",
}
OTHER_COLOUR = "#555555"
#: Fatality bins shown in the legend: (label, representative count).
FATALITY_BINS = [("none or unknown", 0), ("1–4", 2), ("5–19", 10), ("20 or more", 30)]
PERIODS = ("day", "week", "month", "year")
#: Areas (an incident's district, department or zone) are drawn simplified to this many degrees (about 500 m):
#: the same outline on the map and in Google Earth, at a fraction of the vertices.
AREA_TOLERANCE = 0.005


def colour(event_type: str | None) -> str:
    """The colour of an event type."""
    return EVENT_COLOURS.get(event_type or "", OTHER_COLOUR)


def radius(fatalities) -> float:
    """Marker radius in pixels: grows with the square root of the dead, from 5 to 20."""
    n = 0 if fatalities is None or pd.isna(fatalities) else max(0, int(fatalities))
    return round(min(20.0, 5.0 + 2.2 * math.sqrt(n)), 1)


def period_key(day: pd.Timestamp | None, period: str) -> str:
    """The period an incident falls in: "2007-11-13", "2007-W46", "2007-11" or "2007"."""
    if day is None or pd.isna(day):
        return "undated"
    if period == "day":
        return day.strftime("%Y-%m-%d")
    if period == "week":
        iso = day.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if period == "month":
        return day.strftime("%Y-%m")
    return day.strftime("%Y")


def period_label(key: str, period: str, *, short: bool = False) -> str:
    """A period's name: "13 Nov 2007", "week of 12 Nov 2007" (``short``: "wk of 12 Nov 2007"), "Nov 2007", "2007"."""
    if key == "undated":
        return "Undated"
    if period == "day":
        start = end = pd.Timestamp(key)
    elif period == "week":
        year, week = key.split("-W")
        start = pd.Timestamp.fromisocalendar(int(year), int(week), 1)
        end = start + pd.Timedelta(days=6)
    elif period == "month":
        start = pd.Timestamp(key + "-01")
        end = start + pd.offsets.MonthEnd(0)
    else:
        start, end = pd.Timestamp(f"{key}-01-01"), pd.Timestamp(f"{key}-12-31")
    return span_at_precision(start, end, short=short)


