"""The briefing's tables as HTML: incidents by department and type, and the list of incidents with their sources.

Every value from a document is escaped; numbers sit right-aligned in narrow columns under right-aligned headers.
"""

from __future__ import annotations

import html

import pandas as pd

from maps.dates import date_at_precision
from maps.precision import where_in_words
from maps.style import EVENT_COLOURS, colour
from maps.summary import injured_range, killed_range

__all__ = ["counts_table", "incident_table", "range_cell", "sources_of"]

_NO_DEPARTMENT = "(zone or country only)"


def _e(value) -> str:
    """Escape anything for HTML; missing values become an empty string."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def _words(value) -> str:
    """Escaped, with a break opportunity after each slash ("Explosions/Remote violence"): a narrow
    column breaks such names between their words, never inside one."""
    return _e(value).replace("/", "/<wbr>")


def _swatch(event_type) -> str:
    return f'<span class="sw" style="background:{colour(event_type)}"></span>'


def _number(value) -> str:
    """A count cell's text: the number, or a light dash for nothing."""
    return '<span class="zero">–</span>' if not value else f"{int(value):,}"


def range_cell(low, high) -> str:
    """The killed or injured figure of one incident or a total: "3", or "2–5" where sources disagree;
    empty when unknown."""
    if low is None or pd.isna(low):
        return ""
    high = low if high is None or pd.isna(high) else high
    return f"{int(low):,}" if int(high) == int(low) else f"{int(low):,}–{int(high):,}"


def _casualty_cells(frame: pd.DataFrame) -> str:
    """The killed and injured totals of some incidents, lowest to highest figures ("12–15"); empty when none is given."""
    return "".join(f'<td class="n">{range_cell(*figures) if figures else ""}</td>'
                   for figures in (killed_range(frame), injured_range(frame)))


def counts_table(incidents: pd.DataFrame) -> str:
    """Incidents per department (rows, most first) and event type (columns), with totals, the killed and the injured."""
    if not len(incidents):
        return "<p>No incidents.</p>"
    frame = incidents.assign(department=incidents.admin1.fillna(_NO_DEPARTMENT))
    types = [t for t in EVENT_COLOURS if t in set(frame.event_type)]
    types += sorted(set(frame.event_type.dropna()) - set(types))
    pivot = pd.crosstab(frame.department, frame.event_type).reindex(columns=types, fill_value=0)
    order = sorted(pivot.index, key=lambda d: (d == _NO_DEPARTMENT, -int(pivot.loc[d].sum()), d))
    head = "".join(f'<th class="n">{_swatch(t)}{_words(t)}</th>' for t in types)
    rows = []
    for dep in order:
        cells = "".join(f'<td class="n">{_number(v)}</td>' for v in pivot.loc[dep].values)
        rows.append(f'<tr><th scope="row">{_e(dep)}</th>{cells}<td class="n total">{int(pivot.loc[dep].sum()):,}'
                    f'</td>{_casualty_cells(frame[frame.department == dep])}</tr>')
    foot = "".join(f'<td class="n">{_number(v)}</td>' for v in pivot.sum().values)
    return (f'<table class="counts"><thead><tr><th>Department</th>{head}<th class="n">Total</th>'
            f'<th class="n">Killed</th><th class="n">Injured</th></tr></thead><tbody>{"".join(rows)}</tbody>'
            f'<tfoot><tr><th scope="row">All</th>{foot}<td class="n total">{len(frame):,}</td>'
            f'{_casualty_cells(frame)}</tr></tfoot></table>')


def sources_of(source, doc_ids) -> list[tuple[str, str]]:
    """(title, document id) pairs of an incident, from the table's ``source`` and ``doc_ids`` cells.

    Both list the documents in the same order, joined by "; "; when a title itself holds "; " the
    pairs cannot be told apart, and every title is given once with all the ids.
    """
    ids = [d for d in str(doc_ids or "").split("; ") if d]
    if not ids:
        return [(str(source), "")] if _e(source) else []
    titles = str(source).split("; ") if _e(source) else ids
    if len(titles) == len(ids):
        return list(zip(titles, ids))
    if len(ids) == 1:
        return [(str(source), ids[0])]
    return [(str(source), "; ".join(ids))]


def _sources_html(source, doc_ids) -> str:
    return "".join(f'<div class="src"><cite>{_e(title)}</cite>'
                   + (f' <span class="id">[{_e(doc)}]</span>' if doc and doc != title else "") + "</div>"
                   for title, doc in sources_of(source, doc_ids))


def _place(r) -> str:
    names = ", ".join(dict.fromkeys(_e(x) for x in (r.location, r.admin3, r.admin2, r.admin1) if _e(x)))
    precision = where_in_words(r.where_prec)
    return (names or "Peru") + (f'<div class="meta">{_e(precision)}</div>' if precision else "")


def _date_cell(r) -> str:
    """The date in the narrow column ("wk of 9 Feb 2009"), its full form on hover when that is longer."""
    when = (r.time_precision, r.event_date, r.date_start, r.date_end)
    full, short = date_at_precision(*when), date_at_precision(*when, short=True)
    hover = f' title="{_e(full)}"' if full != short else ""
    return f'<td class="date"{hover}>{_e(short or "undated")}</td>'


def incident_table(incidents: pd.DataFrame) -> str:
    """One row per incident, dated first (undated last): date, type, place, killed, injured, actors, evidence, sources."""
    rows = []
    ordered = incidents.assign(_first_day=incidents.date_start.fillna(incidents.event_date))
    for r in ordered.sort_values(["_first_day", "incident_id"], na_position="last").itertuples():
        actors = " vs. ".join(_e(a) for a in (r.actor1, r.actor2) if _e(a))
        rows.append(
            f'<tr>{_date_cell(r)}'
            f'<td>{_swatch(r.event_type)}{_words(r.event_type)}<div class="meta">{_words(r.sub_event_type)}</div></td>'
            f'<td>{_place(r)}</td><td class="n">{range_cell(r.fatalities_low, r.fatalities_high)}</td>'
            f'<td class="n">{range_cell(r.injured_low, r.injured_high)}</td><td>{actors}</td>'
            f'<td><q class="evidence">{_e(r.evidence)}</q>{_sources_html(r.source, r.doc_ids)}</td></tr>')
    return ('<table class="incidents"><colgroup><col class="c-date"><col class="c-type"><col class="c-place">'
            '<col class="c-n"><col class="c-n"><col class="c-actors"><col class="c-evidence"></colgroup><thead><tr><th>Date</th><th>Type</th><th>Place</th><th class="n">Killed</th>'
            '<th class="n">Injured</th><th>Actors</th><th>Evidence and sources</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')
