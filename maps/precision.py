"""The incidents table's precision codes in words: dates as precisely as they are known, places' precision,
and the briefing's methods note that explains every code."""

from __future__ import annotations

import html

import pandas as pd

__all__ = [
    "GEO_PRECISION_WORDS",
    "TIME_PRECISION_WORDS",
    "WHERE_PREC_WORDS",
    "methods_html",
    "where_in_words",
]

#: ACLED time_precision (geo.dates.TIME_PRECISION).
TIME_PRECISION_WORDS = {
    1: "the day is known",
    2: "the week or a few days are known (shown as a range of days)",
    3: "only the month or the year is known",
}
#: UCDP where_prec (geo.kinds.PlaceKind.where_prec).
WHERE_PREC_WORDS = {
    1: "the exact town, village or place",
    2: "near a named place, or a place within a district",
    3: "somewhere in a district or province",
    4: "somewhere in a department",
    5: "somewhere in part of the country: a zone such as the VRAEM, a river valley, or part of a department",
    6: "only the country is known",
}
#: ACLED geo_precision (geo.kinds.PlaceKind.geo_precision).
GEO_PRECISION_WORDS = {
    1: "a town",
    2: "near a town, or part of a district or province",
    3: "a larger region",
}
_SHORT_PLACE = {1: "exact place", 2: "near a place", 3: "district or province", 4: "department",
                5: "part of the country", 6: "country only"}


def where_in_words(where_prec) -> str:
    """A place's precision in two or three words ("department"), or empty when unknown."""
    if where_prec is None or pd.isna(where_prec):
        return ""
    return _SHORT_PLACE.get(int(where_prec), "")


def methods_html() -> str:
    """The methods footnote: what the date and place precision codes, the killed ranges and the sources mean."""
    def codes(words: dict[int, str]) -> str:
        return "; ".join(f"<b>{code}</b> {html.escape(text)}" for code, text in words.items())

    return (
        "<p><b>Dates.</b> Each incident is dated as precisely as its report allows (ACLED "
        f"<code>time_precision</code>: {codes(TIME_PRECISION_WORDS)}). The timeline counts an incident known "
        "only to a month or year in the bin of its first possible day, and leaves undated incidents out.</p>"
        "<p><b>Places.</b> The place column says how precisely the incident is placed (UCDP "
        f"<code>where_prec</code>: {codes(WHERE_PREC_WORDS)}). The exports also carry ACLED "
        f"<code>geo_precision</code>: {codes(GEO_PRECISION_WORDS)}. On the map an incident placed only in an "
        "area is drawn at a point inside that area, with the area dashed.</p>"
        "<p><b>Casualties.</b> When several documents report one incident, the killed figure runs from the lowest "
        "to the highest reported (UCDP low and high estimates), and so does the injured figure; totals add up the "
        "lowest and the highest figures.</p>"
        "<p><b>Sources.</b> Each incident lists the title of every document that reports it (a cable's subject "
        "line, an article's headline) with the document's id in brackets. Event types follow ACLED. Places come "
        "from the offline Peru gazetteer (INEI via mapsPERU, GPL-3.0; castagnetto, MIT; GeoNames, CC-BY 4.0).</p>")
