"""simplestyle-spec properties of each incident (marker colour, size and symbol, title, description), for GeoJSON."""

from __future__ import annotations

import pandas as pd

from maps.balloon import balloon_title, toll_rows
from maps.style import EVENT_COLOURS, colour

__all__ = ["simplestyle", "SIMPLESTYLE_COLUMNS"]

SIMPLESTYLE_COLUMNS = ["marker-color", "marker-size", "marker-symbol", "title", "description"]
#: A letter per event type (simplestyle allows a-z), so that types differ without colour too; "circle" (Maki) else.
_SYMBOLS = {event_type: event_type[0].lower() for event_type in EVENT_COLOURS}
#: The columns the styles are made of (taken out of the table as plain values first: far faster to go through).
_READ = ("event_type", "incident_type", "location", "time_precision", "event_date", "date_start", "date_end",
         "fatalities", "fatalities_low", "fatalities_high", "injured", "injured_low", "injured_high", "actor1",
         "actor2")


def _size(fatalities) -> str:
    """small: none or unknown; medium: 1 to 19 dead; large: 20 or more (the legend's fatality bins)."""
    n = 0 if fatalities is None or pd.isna(fatalities) else int(fatalities)
    return "small" if n < 1 else "medium" if n < 20 else "large"


def _description(row) -> str:
    """"Killed: 3", "Injured: not reported" and "Actors: ..." lines: the title names the incident
    (what, where, when), and the other properties hold the rest once (the evidence in ``notes``)."""
    return "\n".join(f"{label}: {text}" for label, text in toll_rows(row))


def simplestyle(table: pd.DataFrame) -> pd.DataFrame:
    """The simplestyle properties of every row of an incidents table, as columns on the same index."""
    rows = []
    cells = pd.DataFrame({c: table[c].astype(object).where(table[c].notna(), None) for c in _READ},
                         index=table.index)
    for row in cells.itertuples(index=False):
        event_type = None if pd.isna(row.event_type) else str(row.event_type)
        rows.append([colour(event_type), _size(row.fatalities), _SYMBOLS.get(event_type, "circle"),
                     balloon_title(row), _description(row)])
    return pd.DataFrame(rows, columns=SIMPLESTYLE_COLUMNS, index=table.index, dtype=object)
