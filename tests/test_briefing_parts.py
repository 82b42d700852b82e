"""The briefing's parts on small incident tables built here: summary text, timeline bins, tables, precision words."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.dates import TIME_PRECISION
from geo.kinds import KINDS
from maps.briefing_css import css_string
from maps.briefing_tables import counts_table, incident_table, sources_of
from maps.dates import date_at_precision
from maps.fit import incident_bounds
from maps.precision import (
    GEO_PRECISION_WORDS,
    TIME_PRECISION_WORDS,
    WHERE_PREC_WORDS,
)
from maps.summary import injured_range, killed_range, summary_text
from maps.timeline import timeline_counts, timeline_unit


def table(*rows: dict) -> pd.DataFrame:
    """An incidents table with the columns the briefing reads; each row gives what differs from a default."""
    base = {"event_date": None, "date_start": None, "date_end": None, "time_precision": 1,
            "event_type": "Battles", "sub_event_type": "Armed clash", "admin1": "Ayacucho", "admin2": None,
            "admin3": None, "location": "Huanta", "latitude": -12.94, "longitude": -74.25, "where_prec": 1,
            "fatalities_low": None, "fatalities_high": None, "injured_low": None, "injured_high": None, "actor1": None, "actor2": None,
            "evidence": "text", "source": "Report", "doc_ids": "r1", "incident_id": None}
    frame = pd.DataFrame([{**base, "incident_id": f"PE-{i}", **r} for i, r in enumerate(rows)])
    day = pd.to_datetime(frame.event_date)
    frame["event_date"] = day
    frame["date_start"] = pd.to_datetime(frame.date_start).fillna(day)
    frame["date_end"] = pd.to_datetime(frame.date_end).fillna(day)
    for col in ("fatalities_low", "fatalities_high", "injured_low", "injured_high", "where_prec"):
        frame[col] = frame[col].astype("Int64")
    return frame


def test_summary_counts_sources_dates_and_killed_and_injured_as_ranges():
    t = table({"event_date": "2008-03-02", "fatalities_low": 2, "fatalities_high": 5, "injured_low": 1,
               "injured_high": 4, "doc_ids": "a; b", "source": "A; B"},
              {"event_date": "2008-06-20", "fatalities_low": 1, "fatalities_high": 1, "admin1": "Junín",
               "event_type": "Protests", "doc_ids": "c"},
              {"event_date": "2008-07-01", "admin1": "Ayacucho", "doc_ids": "a", "injured_low": 2, "injured_high": 2})
    text = summary_text(t)
    assert text.startswith("3 incidents reported in 3 documents, from 2 March 2008 to 1 July 2008.")
    assert "Reports give 3–6 killed and 3–6 injured;" in text
    assert "sources disagree on the toll of 1 incident" in text and "1 incident gives no death toll" in text
    assert "Most took place in Ayacucho (2) and Junín (1)." in text
    assert "The commonest event types were Battles (2) and Protests (1)." in text
    assert killed_range(t) == (3, 6) and injured_range(t) == (3, 6)
    agreed = summary_text(t.assign(injured_high=t.injured_low))
    assert "3–6 killed and 3 injured;" in agreed  # one figure where the sources agree


def test_tables_give_killed_and_injured_as_low_high():
    t = table({"event_date": "2008-03-02", "fatalities_low": 2, "fatalities_high": 5, "injured_low": 1,
               "injured_high": 4},
              {"event_date": "2008-03-09", "fatalities_low": 1, "fatalities_high": 1, "injured_low": 3,
               "injured_high": 3})
    rows = incident_table(t)
    assert '<td class="n">2–5</td><td class="n">1–4</td>' in rows and '<td class="n">1</td><td class="n">3</td>' in rows
    counts = counts_table(t)
    assert '<th class="n">Killed</th><th class="n">Injured</th>' in counts
    assert counts.count('<td class="n">3–6</td><td class="n">4–7</td>') == 2  # Ayacucho's row, and the total


def test_summary_of_agreeing_sources_undated_and_unplaced_incidents():
    t = table({"event_date": "1990-01-05", "fatalities_low": 4, "fatalities_high": 4},
              {"admin1": None, "location": None, "latitude": None, "longitude": None, "fatalities_low": 0,
               "fatalities_high": 0})
    text = summary_text(t)
    assert "2 incidents reported in 1 document; 1 dated, on 5 January 1990, and 1 undated." in text
    assert "Reports give 4 killed." in text and "–" not in text
    assert "All placed incidents were in Ayacucho (1); 1 incident could be placed only in a zone or the country." in text
    assert summary_text(table({}).iloc[0:0]) == "The reports tell of no incident."


def test_summary_names_the_three_largest_departments_and_counts_the_rest():
    deps = ["Cusco"] * 4 + ["Lima"] * 3 + ["Puno"] * 2 + ["Tacna", "Piura"]
    text = summary_text(table(*({"event_date": "2001-05-01", "admin1": d} for d in deps)))
    assert "Most took place in Cusco (4), Lima (3), Puno (2) and 2 other departments (2)." in text


@pytest.mark.parametrize(("first", "last", "unit"), [
    ("2009-02-09", "2009-02-09", "week"), ("2009-02-09", "2009-07-30", "week"),
    ("2009-02-09", "2009-09-01", "month"), ("2005-01-01", "2008-12-31", "month"),
    ("1985-05-19", "2012-04-15", "year")])
def test_timeline_unit_follows_the_span(first, last, unit):
    assert timeline_unit(pd.Series(pd.to_datetime([first, last]))) == unit


def test_the_date_column_shortens_a_week_and_keeps_its_full_form_on_hover():
    html = incident_table(table({"date_start": "2009-02-09", "date_end": "2009-02-15", "time_precision": 2},
                                {"event_date": "2009-03-04"}))
    assert '<td class="date" title="week of 9 Feb 2009">wk of 9 Feb 2009</td>' in html
    assert '<td class="date">4 Mar 2009</td>' in html  # nothing to shorten: no hover text


def test_timeline_counts_every_bin_as_whole_numbers_and_leaves_out_undated():
    t = table({"event_date": "2009-02-10", "fatalities_low": 2}, {"event_date": "2009-02-12"},
              {"event_date": "2009-03-04", "fatalities_low": 1}, {})
    weeks = timeline_counts(t)
    assert list(weeks.index) == ["9 Feb 2009", "16 Feb 2009", "23 Feb 2009", "2 Mar 2009"]
    assert weeks.incidents.tolist() == [2, 0, 0, 1] and weeks.killed.tolist() == [2, 0, 0, 1]
    assert all(str(d) == "int64" for d in weeks.dtypes)
    years = timeline_counts(table({"event_date": "1985-05-19"}, {"event_date": "1990-01-01"}))
    assert list(years.index) == ["1985", "1986", "1987", "1988", "1989", "1990"] and years.incidents.sum() == 2


def test_month_only_incident_counts_in_its_first_month():
    t = table({"event_date": None, "date_start": "2007-10-01", "date_end": "2007-10-31", "time_precision": 3},
              {"event_date": "2008-06-14"})
    months = timeline_counts(t)
    assert months.index[0] == "Oct 2007" and months.incidents.iloc[0] == 1 and len(months) == 9


@pytest.mark.parametrize(("precision", "day", "start", "end", "shown"), [
    (1, "2007-11-18", "2007-11-18", "2007-11-18", "18 Nov 2007"), (2, None, "2009-08-06", "2009-08-12", "6–12 Aug 2009"),
    (3, None, "2007-10-01", "2007-10-31", "Oct 2007"), (3, None, "1983-01-01", "1983-12-31", "1983"),
    (2, None, "2009-07-28", "2009-08-03", "28 Jul–3 Aug 2009"), (3, None, "2008-12-01", "2009-01-31", "Dec 2008–Jan 2009"),
    (None, None, None, None, None)])
def test_dates_at_their_precision(precision, day, start, end, shown):
    ts = [pd.Timestamp(v) if v else None for v in (day, start, end)]
    assert date_at_precision(precision, *ts) == shown


def test_every_precision_code_has_words():
    assert set(TIME_PRECISION.values()) <= set(TIME_PRECISION_WORDS)
    assert {k.where_prec for k in KINDS.values()} | {6} <= set(WHERE_PREC_WORDS)
    assert {k.geo_precision for k in KINDS.values()} <= set(GEO_PRECISION_WORDS)


def test_counts_table_right_aligns_numbers_under_right_aligned_headers():
    t = table({"event_date": "2008-01-01", "fatalities_low": 2, "fatalities_high": 3},
              {"event_date": "2008-01-02", "event_type": "Protests", "admin1": "Lima"},
              {"event_date": "2008-01-03", "admin1": "Lima"})
    html = counts_table(t)
    assert html.index(">Lima<") < html.index(">Ayacucho<")  # most incidents first
    assert '<th class="n"><span class="sw"' in html and '<th class="n">Total</th>' in html
    assert '<td class="n">2–3</td>' in html  # Ayacucho's killed, a range
    assert "<tfoot><tr><th scope=\"row\">All</th>" in html


def test_incident_table_escapes_text_and_gives_each_title_with_its_id():
    t = table({"event_date": "2008-01-01", "evidence": "<script>alert(1)</script>", "source": "A <b>cable</b>; Daily",
               "doc_ids": "cable-1; news-2", "fatalities_low": 1, "fatalities_high": 4})
    html = incident_table(t)
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>cable" not in html
    assert '<cite>A &lt;b&gt;cable&lt;/b&gt;</cite> <span class="id">[cable-1]</span>' in html
    assert '<cite>Daily</cite> <span class="id">[news-2]</span>' in html
    assert '<td class="n">1–4</td>' in html and "exact place" in html


def test_a_title_holding_a_semicolon_keeps_its_ids_together():
    assert sources_of("POLICE HIT; SECOND ATTACK", "cable-7") == [("POLICE HIT; SECOND ATTACK", "cable-7")]
    assert sources_of("A; B; C", "x; y") == [("A; B; C", "x; y")]


def test_bounds_hold_every_incident_and_a_lone_one_gets_a_box():
    t = table({"latitude": -12.0, "longitude": -77.0}, {"latitude": -13.5, "longitude": -72.0},
              {"latitude": None, "longitude": None})
    (s, w), (n, e) = incident_bounds(t)
    assert s <= -13.5 and n >= -12.0 and w <= -77.0 and e >= -72.0
    (s, w), (n, e) = incident_bounds(table({}))
    assert n - s == pytest.approx(0.9) and e - w == pytest.approx(0.9)


def test_marking_is_a_css_string_no_text_can_break_out_of():
    quoted = css_string('SECRET"; } </style><script>')
    assert quoted.startswith('"SECRET') and quoted.endswith('"')
    assert '"' not in quoted[1:-1] and "<" not in quoted and "}" not in quoted
