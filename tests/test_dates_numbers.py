"""Date expressions, numbers and casualty counts, in English and Spanish."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.casualties import injured_in, killed_in
from geo.dates import find_dates
from geo.numbers import parse_number, tokenize

CABLE_DAY = date(2007, 11, 16)  # a Friday


@pytest.mark.parametrize("text,start,end,precision", [
    ("killed November 13 in an ambush", "2007-11-13", "2007-11-13", "day"),
    ("on Nov. 13", "2007-11-13", "2007-11-13", "day"),
    ("on 13 November 2007", "2007-11-13", "2007-11-13", "day"),
    ("on 11/13/07", "2007-11-13", "2007-11-13", "day"),
    ("late on the 13th", "2007-11-13", "2007-11-13", "day"),
    ("on Tuesday", "2007-11-13", "2007-11-13", "day"),
    ("last week", "2007-11-05", "2007-11-11", "week"),
    ("in late October", "2007-10-21", "2007-10-31", "month"),
    ("el 13 de noviembre", "2007-11-13", "2007-11-13", "day"),
    ("el martes pasado", "2007-11-13", "2007-11-13", "day"),
    ("a fines de octubre", "2007-10-21", "2007-10-31", "month"),
    ("on December 20", "2006-12-20", "2006-12-20", "day"),  # after the cable's date: the year before
    ("February 21-22", "2007-02-21", "2007-02-22", "week"),
    ("a mediados de 2023", "2023-05-01", "2023-08-31", "month"),
])
def test_dates_resolved_against_the_document_date(text, start, end, precision):
    [d] = find_dates(text, CABLE_DAY)
    assert (d.date_start.isoformat(), d.date_end.isoformat(), d.precision) == (start, end, precision)
    assert d.time_precision == {"day": 1, "week": 2, "month": 3}[precision]


def test_impossible_dates_and_metadata_are_not_dates():
    assert find_dates("February 30 and 13/13/07", CABLE_DAY) == []
    text = "E.O. 12958: DECL: 11/16/2017\nAttacked on November 13."
    decl = text.index("11/16/2017")
    found = find_dates(text, CABLE_DAY, skip=lambda s, e: s < decl + 10 and decl < e)
    assert [d.text for d in found] == ["November 13"]


def test_names_are_not_weekdays_and_the_year_carries_without_a_document_date():
    assert [d.text for d in find_dates("near Santo Domingo de Acobamba", CABLE_DAY)] == []
    found = find_dates("la matanza de junio de 1986 ... los días 18-19 de junio", None)
    assert found[-1].date_start == date(1986, 6, 18)


@pytest.mark.parametrize("words,code,value", [
    ("four", "en", 4), ("Twenty-one", "en", 21), ("1,200", "en", 1200), ("una docena", "es", 12),
    ("treinta y siete", "es", 37), ("one hundred and five", "en", 105), ("1e309", "en", None), ("", "en", None),
    ("dozens", "en", None), ("several", "en", None),  # vague counts have no figure
])
def test_parse_number(words, code, value):
    assert parse_number(words, code=code) == value


@pytest.mark.parametrize("sentence,code,killed,injured", [
    ("Four Peruvian National Police (PNP) officers were killed November 13.", "en", 4, None),
    ("The bomb went off, killing all four officers aboard.", "en", 4, None),
    ("Five police officers were killed, and a prosecutor and one other police officer were injured.", "en", 5, 2),
    ("Two ambushes in the Ayacucho region killed thirteen soldiers.", "en", 13, None),
    ("The government claims nine protestors and 24 police dead, several of whom were disarmed.", "en", 33, None),
    ("Troops fired, resulting in 10 dead and 61 injured.", "en", 10, 61),
    ("el PCP-SL asesinó a 17 personas y dejó una docena de heridos", "es", 17, 12),
    ("dejó dos policías muertos y tres heridos", "es", 2, 3),
    ("NO ONE WAS HURT.", "en", 0, 0),  # no one hurt: no one killed either
    ("Protesters marched through Cusco.", "en", None, None),
])
def test_casualties(sentence, code, killed, injured):
    assert (killed_in(sentence, code), injured_in(sentence, code)) == (killed, injured)


@given(st.text(max_size=200), st.sampled_from(["en", "es"]))
def test_counts_never_fail_and_stay_in_range(text, code):
    for value in (killed_in(text, code), injured_in(text, code), parse_number(text, code=code)):
        assert value is None or 0 <= value <= 10**7


@given(st.text(max_size=200), st.dates(min_value=date(1950, 1, 1), max_value=date(2040, 1, 1)))
def test_dates_never_fail(text, day):
    for d in find_dates(text, day):
        assert d.date_start <= d.date_end and 0 <= d.start < d.end <= len(text)


@pytest.mark.parametrize("text,start,end,tokens", [
    # glued words and figures stay one token; a mark that glues nothing stands apart
    ("twenty-one soldiers, 1,200 dead.", 0, None, [("twenty-one", 0, 10), ("soldiers", 11, 19), (",", 19, 20),
                                                  ("1,200", 21, 26), ("dead", 27, 31), (".", 31, 32)]),
    ("O'Brien’s  men -- 10:30 on 11/13/07", 0, None, [("o'brien’s", 0, 9), ("men", 11, 14), ("-", 15, 16),
                                                       ("-", 16, 17), ("10:30", 18, 23), ("on", 24, 26),
                                                       ("11/13/07", 27, 35)]),
    ("veinti-  dos campesinos-", 0, None, [("veinti", 0, 6), ("-", 6, 7), ("dos", 9, 12), ("campesinos", 13, 23),
                                           ("-", 23, 24)]),
    ("a_b U.S. 12.5%", 0, None, [("a", 0, 1), ("_", 1, 2), ("b", 2, 3), ("u", 4, 5), (".", 5, 6), ("s", 6, 7),
                                 (".", 7, 8), ("12.5", 9, 13), ("%", 13, 14)]),
    ("José  Ñ\u0301uñez\tmurió\n", 0, None, [("josé", 0, 4), ("ñ\u0301uñez", 6, 12), ("murió", 13, 18)]),
    ("   ", 0, None, []),
    # a part of the text: offsets into the whole, words cut at its edges
    ("twenty-one soldiers", 3, 12, [("nty-one", 3, 10), ("s", 11, 12)]),
])
def test_tokenize(text, start, end, tokens):
    assert [tuple(t) for t in tokenize(text, start, end)] == tokens
