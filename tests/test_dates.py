"""Absolute and relative dates in English and Spanish: precision, periods, negatives, edges, speed."""

from __future__ import annotations

import re
import time
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo import lang
from geo.dates import RelativeDate, find_dates, find_relative_dates, years_in

REPORT_DAY = date(2003, 6, 20)  # a Friday


@pytest.mark.parametrize("sentence,phrase,days", [
    ("Rebels ambushed the convoy; the next day the army sealed off the valley.", "the next day", 1),
    ("Two days later a second bomb went off outside the market.", "Two days later", 2),
    ("That night the attackers burned the municipal office.", "That night", 0),
    ("The strike spread to Puno a week later.", "a week later", 7),
    ("Police had searched the farm the day before.", "the day before", -1),
    ("Five days later the bodies were found.", "Five days later", 5),
    ("The column returned 10 days later.", "10 days later", 10),
    ("Three weeks earlier the mayor had received threats.", "Three weeks earlier", -21),
    ("Al día siguiente los comuneros bloquearon la carretera.", "Al día siguiente", 1),
    ("Tres días después se hallaron los cuerpos en la quebrada.", "Tres días después", 3),
    ("Seis dias despues volvieron los atacantes.", "Seis dias despues", 6),
    ("Esa misma noche incendiaron el puesto policial.", "Esa misma noche", 0),
    ("El día anterior la patrulla había recorrido la zona.", "El día anterior", -1),
    ("Dos semanas antes hubo un paro en Ayaviri.", "Dos semanas antes", -14),
    ("The next\nday soldiers returned.", "The next\nday", 1),
    # counted from an incident named after it
    ("Two days after the attack, troops killed three rebels.", "Two days after", 2),
    ("Dos días después del ataque, tropas mataron a tres senderistas.", "Dos días después", 2),
    ("Al día siguiente de la masacre llegaron los militares.", "Al día siguiente", 1),
])
def test_relative_dates_in_both_languages(sentence, phrase, days):
    [found] = find_relative_dates(sentence)
    assert found == RelativeDate(phrase, sentence.index(phrase), sentence.index(phrase) + len(phrase), days)
    assert find_dates(sentence, REPORT_DAY) == []  # relative to the incident: not an absolute date


@pytest.mark.parametrize("sentence", [
    "Twenty-one days later the trial began.",  # never "one days later"
    "A few days later the road reopened.",
    "Some days later they left.",
    "The unit stayed in the area for 1.5 days later on.",
    "Thatnight and nextday are not words.",
    # counted from something other than an incident: no day of the incident told
    "The clash came one day after the president granted the army new powers.",
    "Un día después de que el presidente hablara, hubo un ataque.",
    "Al día siguiente de su elección, el alcalde viajó a Lima.",
])
def test_no_relative_date(sentence):
    assert find_relative_dates(sentence) == []


def test_relative_dates_within_a_span_and_beside_absolute_dates():
    text = "On Monday the patrol left Huanta. The next day it was ambushed. El mismo día 14 de junio hubo otro ataque."
    assert [(r.text, r.days) for r in find_relative_dates(text)] == [("The next day", 1), ("El mismo día", 0)]
    second = text.index("The next")
    assert [r.text for r in find_relative_dates(text, second, second + 5)] == []
    assert [r.text for r in find_relative_dates(text, 0, second)] == []
    assert [d.text for d in find_dates(text, REPORT_DAY)] == ["On Monday", "14 de junio"]


@pytest.mark.parametrize("phrase", sorted({p for code in lang.languages() for table in ("SAME_DAY", "RELATIVE_DAYS")
                                           for p in getattr(lang.lexicon(code), table)}))
def test_every_relative_phrase_is_whole_and_no_absolute_date(phrase):
    for text in (phrase, phrase.upper(), f"Los hechos ocurrieron {phrase}, según la policía."):
        [found] = find_relative_dates(text)
        assert found.text.lower() == phrase.lower()
        assert find_dates(text, REPORT_DAY) == []  # no weekday, "the_nth" or month read inside it


@pytest.mark.parametrize("sentence,text,start,end,precision", [
    ("Shining Path attacked the town in 1983.", "in 1983", "1983-01-01", "1983-12-31", "year"),
    ("In 1983 the guerrillas entered the village.", "In 1983", "1983-01-01", "1983-12-31", "year"),
    ("Sendero atacó el pueblo en 1983.", "en 1983", "1983-01-01", "1983-12-31", "year"),
    ("Survivors of the 1983 massacre spoke to the commission.", "1983", "1983-01-01", "1983-12-31", "year"),
    ("Relatives remembered the 1992 Tarata bombing.", "1992", "1992-01-01", "1992-12-31", "year"),
    ("Los ataques crecieron a mediados de 2023.", "a mediados de 2023", "2023-05-01", "2023-08-31", "month"),
    ("The militia was formed in March 1982.", "in March 1982", "1982-03-01", "1982-03-31", "month"),
    ("La comunidad fue atacada en marzo de 1982.", "en marzo de 1982", "1982-03-01", "1982-03-31", "month"),
    ("Farmers marched in early May 2001.", "early May 2001", "2001-05-01", "2001-05-10", "month"),
    ("The police post was raided yesterday.", "yesterday", "2003-06-19", "2003-06-19", "day"),
    ("La semana pasada hubo un enfrentamiento.", "La semana pasada", "2003-06-09", "2003-06-15", "week"),
    ("Hubo dos bloqueos el mes pasado.", "el mes pasado", "2003-05-01", "2003-05-31", "month"),
    ("El ataque ocurrió el miercoles pasado.", "el miercoles pasado", "2003-06-18", "2003-06-18", "day"),
    ("Troops arrived on Sept. 4.", "Sept. 4", "2002-09-04", "2002-09-04", "day"),
])
def test_absolute_dates_keep_their_precision_and_range(sentence, text, start, end, precision):
    [d] = find_dates(sentence, REPORT_DAY)
    assert (d.text, d.date_start.isoformat(), d.date_end.isoformat(), d.precision) == (text, start, end, precision)


@pytest.mark.parametrize("sentence,year", [
    ("Attacks have continued since 1980.", 1980), ("Los ataques siguen desde 1980.", 1980),
    ("A partir de 1990 la violencia bajó.", 1990), ("Violence grew until 1992.", 1992),
])
def test_a_period_opened_by_a_word_is_a_date_after_that_word(sentence, year):
    [d] = find_dates(sentence, REPORT_DAY)
    assert (d.text, d.date_start, d.precision) == (str(year), date(year, 1, 1), "year")
    opener = sentence[:d.start].split()[-1].lower()
    assert opener in {w.split()[-1] for code in lang.languages() for w in lang.lexicon(code).PERIOD_OPENERS}


def test_a_month_opened_by_a_word_starts_after_it():
    text = "Desde julio de 1984 y since July the area was under curfew."
    assert [(d.text, text[:d.start].split()[-1]) for d in find_dates(text, REPORT_DAY)] == [
        ("julio de 1984", "Desde"), ("July", "since")]


@pytest.mark.parametrize("sentence", [
    "12 soldiers were wounded.", "Doce soldados resultaron heridos.", "They stopped near Santo Domingo.",
    "Llegaron a Santo Domingo de Acobamba.", "1983 people fled the valley.", "The army sent 1990 soldiers.",
    "The ministry counted the 2000 attacks of the decade.", "Police found 1,983 cartridges.",
    "During the 1980s the violence grew.", "Page 1984 of the file.", "The 1990-1995 massacre inquiry.",
])
def test_no_date(sentence):
    assert find_dates(sentence, REPORT_DAY) == []


def test_days_without_a_year_take_the_last_year_written_before_them():
    text = "In 1984 the column left on 3 June. In 1990 it came back on 4 July."
    days = [d.date_start for d in find_dates(text, None) if d.precision == "day"]
    assert days == [date(1984, 6, 3), date(1990, 7, 4)]


EDGE_TEXT = ("yesterday, today, last week, last month, on Monday, el sábado pasado, December 31, 1 January, "
             "the 31st, 12/31, la semana pasada, el mes pasado, in 1999, the next day")


@pytest.mark.parametrize("day", [date.min, date(1, 1, 2), date(1, 1, 8), date.max, date(9999, 12, 30)])
def test_dates_at_the_edge_of_the_calendar_are_dropped_not_raised(day):
    for d in find_dates(EDGE_TEXT, day):
        assert date.min <= d.date_start <= d.date_end <= date.max


def test_letters_that_fold_to_ascii_are_read_without_error():
    text = "the ſame day, on ſunday, ſix days later, in ſeptember"  # "ſ" matches "s" ignoring case
    assert [r.days for r in find_relative_dates(text)] == [0, 6]
    assert [d.text for d in find_dates(text, REPORT_DAY)] == ["on ſunday", "in ſeptember"]


def test_a_date_time_group_of_year_9999_is_not_used_and_says_so():
    from geo.cable import annotate_structure
    from geo.document import Document

    doc = annotate_structure(Document(id="t", text="R 311200Z DEC 9999\nThe post was attacked on January 2."),
                             fallback_date=date(2009, 5, 3))
    assert doc.date == date(2009, 5, 3) and doc.date_source == "--date"
    assert doc.warnings == ["t: 9999-12-31 (date-time group) is outside the years 1800 to 2099 that documents "
                            "are dated in: not used"]
    [d] = find_dates(doc.text, doc.date, skip=doc.in_header)
    assert d.date_start == date(2009, 1, 2)


_WORDS = st.sampled_from(["yesterday", "last week", "last month", "on Monday", "el domingo", "ayer", "December",
                          "31", "1", "the 1st", "the 31st", "12/31", "in", "1999", "de", "enero", "the next day",
                          "tres días después", "since", "1983", "massacre", ",", "el", "hoy"])


@given(st.lists(_WORDS, max_size=12), st.dates())
def test_dates_never_fail_on_any_day(words, day):
    text = " ".join(words)
    for d in find_dates(text, day):
        assert d.date_start <= d.date_end and 0 <= d.start < d.end <= len(text)
    for r in find_relative_dates(text):
        assert text[r.start:r.end] == r.text


def _whole(text: str, day: date | None) -> int:
    return len(find_dates(text, day))


def _per_sentence(text: str, day: date | None) -> int:
    """Dates found sentence by sentence, as the incident stage asks, with the years found once."""
    years, found, start = years_in(text), 0, 0
    for m in re.finditer(r"\. ", text):
        found += len(find_dates(text, day, span=(start, m.end()), years=years))
        start = m.end()
    return found


@pytest.mark.parametrize("find,unit,count,day", [
    (_whole, "On 12 May 1990, in 1983 and on Monday; the next day, 3/4/90. ", 2_500, REPORT_DAY),
    (_whole, "In 1990 the army came. It left on 3 May. ", 3_000, None),
    (_per_sentence, "In 1990 the army came. It left on 3 May. ", 3_000, None),
])
def test_long_texts_give_every_date(find, unit, count, day):
    """A text ten times longer gives ten times the dates (how the time grows: benchmarks/dates_bench.py)."""
    assert find(unit * count, day) == 10 * find(unit * (count // 10), day) > 0


@pytest.mark.parametrize("sentence,day,expected", [
    # a day told alone takes the month of the date told last before it
    ("El 3 de marzo de 1990 atacaron Pucará y el 9 incendiaron la municipalidad.", "el 9", date(1990, 3, 9)),
    ("El 20 de abril de 1987 hubo una emboscada. El 22, en Ocros, asesinaron a dos.", "El 22", date(1987, 4, 22)),
    ("El 12 de junio de 1991 tomaron el pueblo; el 30 del mismo mes volvieron.", "el 30 del mismo mes",
     date(1991, 6, 30)),
    ("On May 3, 2001 rebels attacked a post. On the 5th they burned a bridge.", "the 5th", date(2001, 5, 5)),
    ("On May 3, 2001 rebels attacked; on the 9th of the same month they returned.", "the 9th of the same month",
     date(2001, 5, 9)),
    # a day before the last one told is of the next month in a narrative
    ("El 28 de enero de 1989 asaltaron la mina y el 2 emboscaron una patrulla.", "el 2", date(1989, 2, 2)),
    # with no month told before it, the last such day up to the report's date
    ("On the 16th, protesters blocked the road.", "the 16th", date(2008, 10, 16)),
])
def test_a_day_told_alone_is_of_the_month_told_last(sentence, day, expected):
    found = {d.text: d for d in find_dates(sentence, date(2008, 10, 20))}
    assert found[day].date_start == expected and found[day].precision == "day"


@pytest.mark.parametrize("sentence", [
    "El 3 de marzo de 1990 el 20 por ciento de los votos fue nulo.",
    "El 3 de marzo de 1990 se celebró el 80 aniversario del pueblo.",
    "On May 3, 2001 the 31st Infantry Battalion arrived.",
    "On May 3, 2001 it was the 11th century church that burned.",
    "On May 3, 2001 the 11 soldiers returned.",
    "El 3 de marzo de 1990 el 5% de la población huyó.",
])
def test_figures_after_an_article_that_are_no_day(sentence):
    assert [d.text for d in find_dates(sentence, date(2008, 10, 20))] in (["El 3 de marzo de 1990"], ["May 3, 2001"])


@pytest.mark.parametrize("text,expected", [
    ("the battle of November 16, 1532 in the plaza", date(1532, 11, 16)),
    ("la batalla del 16 de noviembre de 1532 en la plaza", date(1532, 11, 16)),
])
def test_an_old_year_after_a_month_and_day_is_read(text, expected):
    [found] = find_dates(text, None)
    assert found.date_start == expected


def test_a_figure_like_an_old_year_is_no_year_on_its_own():
    assert [d.text for d in find_dates("1532 soldiers marched in 1990", None)] == ["in 1990"]


@pytest.mark.parametrize("text, day", [
    ("El ataque se produjo la mañana del domingo 12 de octubre.", date(2008, 10, 12)),
    ("Rebels struck on Sunday, 12 October.", date(2008, 10, 12)),
    ("Ten people died on Saturday, June 6.", date(2009, 6, 6)),
])
def test_a_weekday_beside_its_day_is_that_day(text, day):
    assert [d.date_start for d in find_dates(text, date(2009, 6, 10))] == [day]


def test_a_weekday_apart_from_a_day_is_its_own_date():
    found = find_dates("On Sunday rebels attacked; on 12 October they struck again.", date(2009, 6, 10))
    assert [d.date_start for d in found] == [date(2009, 6, 7), date(2008, 10, 12)]
