"""Event dates: find date expressions in English and Spanish and resolve them against the document date."""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, product
from datetime import date, timedelta

from geo import lang
from geo.docdate import MONTHS, WEEKDAYS, tables
from geo.screen import any_of
from geo.textfold import CELL_START, lower, lower_pattern, required_literals

__all__ = ["DateMention", "RelativeDate", "find_dates", "find_relative_dates", "years_in", "shift", "TIME_PRECISION"]

#: ACLED time_precision: 1 the day is known, 2 the week or a few days, 3 the month (or vaguer).
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

_ACCENTS = str.maketrans("áéíóúü", "aeiouu")
_ACCENT_CLASSES = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uúü]"}


def _fold(phrase: str) -> str:
    """A phrase as the tables are looked up by: case-folded ("ſ" is "s"), single spaces, no accents."""
    return " ".join(phrase.casefold().translate(_ACCENTS).split())


def _words(phrases: Iterable[str], *, accents: bool = False) -> str:
    """A pattern matching any of the phrases, longest first, with any whitespace between words.

    Written as a trie ("th(?:at|e)") so that a position is tried against one branch, not every
    phrase. ``accents``: a vowel matches with or without its accent ("dias despues" for "días después").
    """
    tree: dict = {}
    for phrase in phrases:
        node = tree
        for c in " ".join((_fold(phrase) if accents else phrase).split()):
            node = node.setdefault(c, {})
        node[""] = {}

    def char(c: str) -> str:
        if c == " ":
            return r"\s+"
        return _ACCENT_CLASSES.get(c, re.escape(c)) if accents else re.escape(c)

    def branch(node: dict) -> str:
        alts = [char(c) + branch(child) for c, child in sorted(node.items()) if c]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if "" in node else "")
    return branch(tree)


# Relative to the incident just told ("the next day"), and to the report's own date ("yesterday").
_EVENT_DAYS = {_fold(p): days for p, days in {**tables("SAME_DAY"), **tables("RELATIVE_DAYS")}.items()}
_COUNTED_DAYS = {_fold(p): days for p, days in tables("COUNTED_DAYS").items()}
_NUMBER_WORDS = {_fold(w): n for w, n in tables("NUMBER_WORDS").items()}
_RELATIVE_WORDS = {_fold(p): unit for p, unit in tables("RELATIVE_WORDS").items()}
_RELATIVE_LOWER = re.compile(lower_pattern(
    rf"(?<![\w-])(?:(?P<phrase>{_words(_EVENT_DAYS, accents=True)})|(?<![.,])(?P<count>\d{{1,3}}|"
    rf"{_words(_NUMBER_WORDS, accents=True)})\s+(?P<unit>{_words(_COUNTED_DAYS, accents=True)}))(?![\w-])"))


_COUNTED_FROM = frozenset(_fold(w) for w in tables("COUNTED_FROM"))
_FROM_AFTER = re.compile(lower_pattern(rf"\s+{_words(_COUNTED_FROM, accents=True)}(?![\w-])"))
#: What a day is counted from when it is an incident: "(of) the attack", "del ataque", "de la masacre".
_INCIDENT_FROM = re.compile(lower_pattern(
    rf"(?:\s+{_words(_COUNTED_FROM, accents=True)})?\s+(?:{_words(map(_fold, tables('ANAPHORA_DETERMINERS')), accents=True)}\s+)?"
    rf"(?:[^\W\d]+\s+)?{_words(map(_fold, tables('ANAPHORA_NOUNS')), accents=True)}(?![\w-])"))


def _last_words(phrases: Iterable[str]) -> set[str]:
    """The last word of every phrase (folded), in each spelling with or without accents as ``_words``
    matches it: every match of ``_words(phrases, accents=True)`` holds one."""
    spellings = {vowel: choices.strip("[]") for vowel, choices in _ACCENT_CLASSES.items()}
    return {"".join(spelt) for word in {p.split()[-1] for p in phrases}
            for spelt in product(*(spellings.get(c, c) for c in word))}


#: Every relative date holds one of these, found before the pattern is tried.
_RELATIVE_NEEDLES = any_of(_last_words([*_EVENT_DAYS, *_COUNTED_DAYS]))

_FULL_MONTHS = tables("MONTHS")
_MON = rf"(?P<mon>{_words(MONTHS)})\.?"
_MON_FULL = rf"(?P<mon>{_words(_FULL_MONTHS)})"
_WD = rf"(?P<wd>{_words(WEEKDAYS)})"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
# After a month and a day a year may be older: "November 16, 1532", "16 de noviembre de 1532".
_OLD_YEAR = r"(?P<year>(?:1[5-9]|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?:\s*(?:-|–|and|to|al|y|a)\s*(?P<day2>[0-3]?\d))?"
_SEP = r"[\s\n]+"
# "since", "desde", "a partir de": the date after it opens a period; the mention starts after the word.
_OPENER = rf"(?P<opener>\b(?:{_words(tables('PERIOD_OPENERS'))}){_SEP})"
# Incident nouns a bare year may stand before ("the 1983 massacre"); singular, so never a count.
_INCIDENT_NOUNS = _words(n for n in tables("ANAPHORA_NOUNS") if not n.endswith("s"))

# A word boundary, or a label run into the day that starts its value in a flattened infobox ("Date10 April 2016").
_RUN_IN = r"(?:\b|(?<=[a-z])(?=\d))"
_ANY_MONTH = re.compile(lower_pattern(rf"\b(?:{_words(MONTHS)})\b"))  # searched in the lowered text
#: A run of digits: every date led by a digit starts where one starts (its first character is a digit that
#: follows no word character, or a letter for a day run into a label), so its pattern is tried only there.
_DIGITS = re.compile(r"\d\d*")  # not "\d+": a pattern opening on a class is scanned for it at C speed
#: "el" before a day ("el 7 de julio"): the other place a Spanish day and month may start.
_EL_DAY = re.compile(r"el\s+\d")
#: The dates read from where a digit run starts, and the Spanish one also from "el"; "month_day" from a month.
_DIGIT_LED = {"iso", "numeric", "day_month", "year_noun"}
#: The dates whose words before a month ("in", "during") or a year ("of", "a partir de") are read from where
#: one of the few words right before it starts: at most as many as the longest period opener or day's article has.
_WORD_LED = {"month_year": "month", "month": "month", "year": "year"}
_LEAD_WORDS = max(len(p.split()) for p in chain(tables("PERIOD_OPENERS"), *(lang.lexicon(code).DAY_ARTICLES
                                                                             for code in lang.languages())))
_CENTURIES = ("18", "19", "20")  # how a year of "year" (_YEAR) starts
_NEEDS_MONTH = {"day_month_es", "month_day", "day_month", "part_month", "month_year", "month"}
_NEEDS_DIGIT = {"iso", "numeric", "day_month_es", "month_day", "day_month", "year", "part_year", "year_noun"}
_ANY_YEAR = re.compile(r"\b(?:19[0-9]\d|20[0-4]\d)\b")
def _source(pattern: str, flags: int = 0) -> tuple[str, int]:
    return pattern, flags


# Ordered: the first pattern to match a span wins.
_SOURCES: list[tuple[str, tuple[str, int]]] = [
    ("iso", _source(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("numeric", _source(r"(?<![\w/])(?P<mnum>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])"
                           r"(?:/(?P<yy>\d{2}|\d{4}))?(?![\w/])")),
    ("day_month_es", _source(rf"\b(?:el\s+)?{_DAY}{_DAY2}{_SEP}de{_SEP}{_MON}(?:{_SEP}(?:de|del){_SEP}{_OLD_YEAR})?\b",
                                re.IGNORECASE)),
    # a year may run into the next word in text flattened from tables ("July 4, 1991Santa Barbara")
    ("month_day", _source(rf"\b{_MON}{_SEP}{_DAY}{_DAY2}\b(?:,?{_SEP}{_OLD_YEAR}(?!\d))?", re.IGNORECASE)),
    ("day_month", _source(rf"{_RUN_IN}{_DAY}{_DAY2}{_SEP}{_MON}(?:,?{_SEP}{_OLD_YEAR}(?!\d)|\b)", re.IGNORECASE)),
    ("part_month", _source(rf"\b(?P<part>early|mid|late|end of|beginning of|a (?:fines|finales|inicios|"
                              rf"comienzos|mediados) de|(?:fines|finales|inicios|comienzos|mediados) de)"
                              rf"[\s-]+{_MON}(?:,?{_SEP}(?:de{_SEP})?{_YEAR})?\b", re.IGNORECASE)),
    ("part_year", _source(rf"\b(?:a\s+)?(?P<part>mediados|inicios|comienzos|fines|finales|mid|early|late)"
                             rf"(?:\s+de|-)?\s+{_YEAR}\b", re.IGNORECASE)),
    ("month_year", _source(rf"\b(?:in{_SEP}|en{_SEP})?{_MON_FULL}(?:,?{_SEP}(?:of{_SEP}|de{_SEP}|del{_SEP})?{_YEAR})(?!\d)",
                              re.IGNORECASE)),
    ("month", _source(rf"\b(?:(?:in|en|during|durante|the|last|this|el|este){_SEP}|{_OPENER}){_MON_FULL}\b",
                         re.IGNORECASE)),
    ("weekday", _source(rf"\b(?:(?:on|last|el|este|el\s+pasado)\s+)?{_WD}(?:\s+pasado)?\b", re.IGNORECASE)),
    ("relative", _source(rf"\b(?P<rel>{_words(_RELATIVE_WORDS, accents=True)})\b", re.IGNORECASE)),
    ("year", _source(rf"\b(?:(?:in|en|of|de|del){_SEP}|{_OPENER}){_YEAR}\b", re.IGNORECASE)),
    ("year_noun", _source(rf"(?<![\w,.$#/–-]){_YEAR}(?=\s+(?:[A-Z][a-z][\w-]*\s+){{0,2}}"
                             rf"(?i:{_INCIDENT_NOUNS})\b)")),
]

#: The patterns, compiled once each: in lower case for lowered text where they ignore case (faster than
#: IGNORECASE; offsets are the same, so the capitals a weekday's reading looks at are read in the text);
#: "the 1983 Tarata bombing" needs its capitals. Each: (kind, pattern, whether it reads the lowered text).
_PATTERNS: list[tuple[str, re.Pattern, bool]] = [
    (kind, re.compile(lower_pattern(source)), True) if flags & re.IGNORECASE and kind != "year_noun"
    else (kind, re.compile(source, flags), False) for kind, (source, flags) in _SOURCES]

#: Per pattern, literal strings one of which every match holds (no single letter, and no letters at all when
#: the pattern minds case; the words of a relative one), searched for at C speed before the pattern is tried.
_ANCHORS = {kind: any_of(needles) for kind, pattern, lowered in _PATTERNS
            if (needles := required_literals(pattern.pattern)) and all(len(n) >= 2 or not n.isalpha() for n in needles)
            and (lowered or not any(c.isalpha() for n in needles for c in n))}
_ANCHORS["relative"] = any_of(_last_words(_RELATIVE_WORDS))

#: The dates that may start such a cell, read (in the lowered text) there without the word boundary before them.
_IN_CELLS = {kind: re.compile(lower_pattern(source).removeprefix(r"\b")) for kind, (source, _) in _SOURCES
             if kind in ("month_day", "month_year")}


def _day_alone_pattern() -> re.Pattern:
    """ "y el 11 lanzó", "El 26, en ...", "on the 16th", "el 17 del mismo mes": a day of the month
    told alone, in each language's words (its articles, ordinal suffixes and what no day stands before)."""
    alternatives = []
    for code in lang.languages():
        words = lang.lexicon(code)
        suffix = rf"(?:{_words(words.DAY_SUFFIXES)})" if words.DAY_SUFFIXES else ""
        alternatives.append(rf"(?:{_words(words.DAY_ARTICLES, accents=True)})\s+(?P<day_{code}>[0-3]?\d){suffix}")
    same = _words(tables("SAME_MONTH"), accents=True)
    never = _words(tables("NOT_DAYS_AFTER"), accents=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w,.]\d|\d)(?P<same>\s+{same})?"
                      rf"(?!\s*(?:{never})(?!\w)|(?-i:\s+[A-ZÁÉÍÓÚÑ]))", re.IGNORECASE)


_DAY_ALONE = _day_alone_pattern()


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a document, resolved to a span of days with an ACLED precision."""

    text: str
    start: int
    end: int
    date_start: date
    date_end: date
    precision: str  # day, week, month or year

    @property
    def time_precision(self) -> int:
        return TIME_PRECISION[self.precision]

    @property
    def date(self) -> date:
        return self.date_start


@dataclass(frozen=True, slots=True)
class RelativeDate:
    """A date told relative to the incident just told: "al día siguiente" (+1), "that night" (0), "two days later" (+2)."""

    text: str
    start: int
    end: int
    days: int


def find_relative_dates(text: str, start: int = 0, end: int | None = None) -> list[RelativeDate]:
    """Every date in ``text[start:end]`` told relative to the incident just told, in order.

    The phrases are the language modules' ``SAME_DAY`` (0 days) and ``RELATIVE_DAYS``, and a number
    (digits or a number word) before one of their ``COUNTED_DAYS`` ("three days later", "tres días
    después"); matched whole-word, case-insensitively, with or without accents.
    """
    out: list[RelativeDate] = []
    low, end = lower(text), len(text) if end is None else end
    if next(_RELATIVE_NEEDLES.iter(low, start, end), None) is None:
        return out
    for m in _RELATIVE_LOWER.finditer(low, start, end):
        if _counted_from_another(low, m):
            continue
        if m["phrase"]:
            days = _EVENT_DAYS[_fold(m["phrase"])]
        else:
            count = int(m["count"]) if m["count"].isdecimal() else _NUMBER_WORDS[_fold(m["count"])]
            days = count * _COUNTED_DAYS[_fold(m["unit"])]
        out.append(RelativeDate(text[m.start():m.end()], m.start(), m.end(), days))
    return out


def _counted_from_another(low: str, m: re.Match) -> bool:
    """Is a relative date (a match of the pattern in lowered text) counted from something other than an
    incident ("one day after the president spoke", "un día después de que ...")?"""
    unit = _fold(m["unit"] or "")
    return (unit.rsplit(" ", 1)[-1] in _COUNTED_FROM or _FROM_AFTER.match(low, m.end()) is not None) \
        and not _INCIDENT_FROM.match(low, m.end())


def find_dates(text: str, doc_date: date | None, *, skip=lambda s, e: False, span: tuple[int, int] | None = None,
               years: list[tuple[int, int]] | None = None, told: list[DateMention] = (),
               relative: list[RelativeDate] | None = None) -> list[DateMention]:
    """Every absolute date expression in ``text`` resolved against ``doc_date``, in order, never overlapping.

    A month and day without a year take the document's year, or the year before when that
    would put them after the document date. Weekdays and "last week" count back from it.
    Dates told relative to an incident ("the next day") are not dates here (see
    :func:`find_relative_dates`), and no other pattern reads part of one. A date after a word
    opening a period ("since 1980", "desde julio") starts after that word, which the caller
    reads to mark it as a period. Dates the calendar cannot hold are dropped.
    ``skip(start, end)`` says which spans are metadata (declassification lines, headers);
    ``span`` limits the search to part of the text, and ``years`` (from :func:`years_in`) saves
    finding the years written before it again; ``told``, the dates found before the span (a day told
    alone takes the month of the last); ``relative``, the relative dates of the span when the caller has
    found them already. Linear in the length of the text searched.
    """
    out: list[DateMention] = []
    weekdays: set[int] = set()  # the starts of the weekdays found
    lo, hi = span or (0, len(text))
    used = bytearray(hi - lo)  # 1 where a date or a relative date already stands
    for r in find_relative_dates(text, lo, hi) if relative is None else relative:
        used[r.start - lo:r.end - lo] = b"\1" * (r.end - r.start)
    if years is None and doc_date is None:
        years = years_in(text, skip)
    low = lower(text)
    cells = [m.start() for m in CELL_START.finditer(text, lo, hi)]  # dates may start a table cell
    digits = [m.start() for m in _DIGITS.finditer(low, lo, hi)]
    months = [m.start() for m in _ANY_MONTH.finditer(low, lo, hi)]
    has_month, has_digit = bool(months) or bool(cells), bool(digits)
    starts = _starts(low, lo, hi, digits, months)
    for kind, pattern, lowered in _PATTERNS:
        if (kind in _NEEDS_MONTH and not has_month) or (kind in _NEEDS_DIGIT and not has_digit):
            continue
        searched = low if lowered else text
        if kind in starts:  # no place to start, no match: nothing to screen
            matches = _tried_at(pattern, searched, starts[kind], hi)
        elif kind in _ANCHORS and next(_ANCHORS[kind].iter(searched, lo, hi), None) is None:
            continue  # no match can stand here
        else:
            matches = pattern.finditer(searched, lo, hi)
        if cells and kind in _IN_CELLS:
            matches = chain(matches, filter(None, (_IN_CELLS[kind].match(low, c, hi) for c in cells)))
        for m in matches:
            s, e = m.end("opener") if m.groupdict().get("opener") else m.start(), m.end()
            if used.find(1, s - lo, e - lo) >= 0 or skip(s, e):
                continue
            # without a document date, a month and day take the year last written before them
            year_context = doc_date.year if doc_date else _year_before(years, s)
            try:
                found = _resolve(kind, m, doc_date, year_context, text)
            except (ValueError, OverflowError):
                continue  # "February 30", "13/13/07", or a day before year 1 or after 9999
            if found is None:
                continue
            used[s - lo:e - lo] = b"\1" * (e - s)
            out.append(DateMention(text[s:e], s, e, *found))
            if kind == "weekday":
                weekdays.add(s)
    if has_digit:
        out.extend(_days_alone(text, lo, hi, used, skip, [*told[-1:], *out], doc_date, digits))
    out.sort(key=lambda d: d.start)
    return _without_apposed_weekdays(text, out, weekdays) if weekdays else out


def _without_apposed_weekdays(text: str, dates: list[DateMention], weekdays: set[int]) -> list[DateMention]:
    """The dates but a weekday written beside its day ("el domingo 12 de octubre", "on Saturday, June 6"):
    the day says which, where the weekday alone would count back from the report's date."""
    return [d for d, nxt in zip(dates, [*dates[1:], None])
            if not (d.start in weekdays and nxt is not None and nxt.start not in weekdays and nxt.precision == "day"
                    and _APPOSITION.fullmatch(text, d.end, nxt.start))]


_APPOSITION = re.compile(r"[ \t,]*")


def _starts(low: str, lo: int, hi: int, digits: list[int], months: list[int]) -> dict[str, list[int]]:
    """Per pattern read from where its first word may start, those places in ``low[lo:hi]``, in order: every
    place one of its matches may start is among them (a month-day date starts at a month standing alone
    as a word, as its name is followed by a point or a space)."""
    led = {kind: digits for kind in _DIGIT_LED}
    led["day_month_es"] = sorted(digits + [m.start() for m in _EL_DAY.finditer(low, lo, hi)]) if digits else []
    led["month_day"] = months
    tokens = {"month": months, "year": [d for d in digits if low.startswith(_CENTURIES, d)]}
    words = {token: sorted(p for q in places for p in _led_by_words(low, lo, q)) for token, places in tokens.items()}
    return led | {kind: words[token] for kind, token in _WORD_LED.items()}


def _led_by_words(low: str, lo: int, q: int) -> list[int]:
    """``q`` and where each of the words (letters, each followed by white space) right before it starts in
    ``low[lo:q]``, up to _LEAD_WORDS of them: a word of a date's lead-in starts after no letter."""
    out = [q]
    for _ in range(_LEAD_WORDS):
        end = q
        while end > lo and low[end - 1].isspace():  # str.isspace is what "\s" matches
            end -= 1
        start = end
        while start > lo and low[start - 1].isalpha():
            start -= 1
        if end == q or start == end:
            break
        out.append(q := start)
    return out


def _article_starts(text: str, lo: int, digits: list[int]) -> list[int]:
    """Where a day told alone may start in ``text[lo:]``, in order: at the article before a digit run ("el día 11")."""
    return sorted(p for d in digits for p in _led_by_words(text, lo, d))


def _tried_at(pattern: re.Pattern, searched: str, starts: list[int], hi: int) -> Iterator[re.Match]:
    """What ``pattern.finditer(searched, lo, hi)`` yields, trying the pattern only at ``starts`` (sorted, from
    ``lo``, every place a match may start among them): a match is tried at a place as the scan would (what
    stands before it is read alike), and the next is looked for from its end; no pattern matches nothing."""
    end = 0
    for start in starts:
        if start >= end and (m := pattern.match(searched, start, hi)):
            end = m.end()
            yield m


def _days_alone(text: str, lo: int, hi: int, used: bytearray, skip, found: list[DateMention],
                doc_date: date | None, digits: list[int]) -> list[DateMention]:
    """The days told alone in text[lo:hi], each of the month of the date told last before it ("El 7 de
    julio ... y el 11": July 11; a day before that one's is of the next month, unless "del mismo
    mes"), or else the last such day up to the report's date ("on the 16th"). ``digits``: where the digit
    runs start (see :func:`_article_starts`)."""
    told = sorted((d.start, d.date_start) for d in found if d.precision != "year")
    out = []
    for m in _tried_at(_DAY_ALONE, text, _article_starts(text, lo, digits), hi):
        s, e = m.span()
        if used.find(1, s - lo, e - lo) >= 0 or skip(s, e):
            continue
        day = int(next(v for k, v in m.groupdict().items() if k.startswith("day_") and v))
        i = bisect_left(told, (s,))
        try:
            when = _day_after(told[i - 1][1], day, bool(m["same"])) if i else _day_before(doc_date, day)
        except (ValueError, OverflowError):
            continue  # "el 31" of a month of thirty days, or past the calendar's end
        if when is None:
            continue
        used[s - lo:e - lo] = b"\1" * (e - s)
        told.insert(i, (s, when))
        out.append(DateMention(text[s:e], s, e, when, when, "day"))
    return out


def _day_after(anchor: date, day: int, same_month: bool) -> date:
    """Day ``day`` of the anchor's month, or of the next month when that day is already past."""
    if day >= anchor.day or same_month:
        return anchor.replace(day=day)
    year, month = divmod(anchor.year * 12 + anchor.month, 12)
    return date(year, month + 1, day)


def _day_before(doc_date: date | None, day: int) -> date | None:
    """The last day ``day`` of a month up to the report's date ("on the 16th" in a cable of the 20th)."""
    if doc_date is None:
        return None
    month, year = doc_date.month, doc_date.year
    if day > doc_date.day:
        month, year = (month - 1, year) if month > 1 else (12, year - 1)
    return date(year, month, day)


def shift(day: date, days: int) -> date | None:
    """The day ``days`` after ``day`` (before it when negative), or None past the calendar (years 1 to 9999)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def years_in(text: str, skip=lambda s, e: False) -> list[tuple[int, int]]:
    """(offset, year) of every year written in the text, for dating months and days without one."""
    return [(m.start(), int(m.group(0))) for m in _ANY_YEAR.finditer(text) if not skip(m.start(), m.end())]


def _year_before(years: list[tuple[int, int]], pos: int) -> int | None:
    i = bisect_left(years, (pos,))
    return years[i - 1][1] if i else None


def _month(m: re.Match) -> int | None:
    if m.groupdict().get("mnum"):
        return int(m.group("mnum"))
    name = (m.groupdict().get("mon") or "").casefold().rstrip(".")
    return MONTHS.get(name)


def _anchor_year(month: int, day: int, doc_date: date | None, year_context: int | None) -> int | None:
    if doc_date is None:
        return year_context
    year = doc_date.year
    try:
        if date(year, month, day) - doc_date > timedelta(days=1):
            year -= 1
    except ValueError:
        return None
    return year


def _resolve(kind: str, m: re.Match, doc_date: date | None, year_context: int | None, text: str):
    """(first day, last day, precision) of one match, or None; ValueError for a day the calendar lacks."""
    g = m.groupdict()
    if kind in ("iso", "numeric", "day_month_es", "month_day", "day_month"):
        month = _month(m)
        if not month:
            return None
        day = int(g["day"])
        year = _year(g.get("year") or g.get("yy"))
        if kind == "numeric" and not year and doc_date is None:
            return None  # "3/4" with nothing to anchor it: not a date we can trust
        year = year or _anchor_year(month, day, doc_date, year_context)
        if year is None:
            return None
        first = date(year, month, day)
        last = first
        if g.get("day2"):
            last = date(year, month, int(g["day2"]))
            if last < first:
                return None
        return first, last, "day" if last == first else "week"
    if kind in ("part_month", "month_year", "month"):
        month = _month(m)
        if not month:
            return None
        year = _year(g.get("year")) or (_anchor_year(month, 1, doc_date, year_context)
                                        if doc_date else year_context)
        if year is None:
            return None
        last_day = calendar.monthrange(year, month)[1]
        part = (g.get("part") or "").lower()
        if "early" in part or "inicio" in part or "comienzo" in part or "beginning" in part:
            return date(year, month, 1), date(year, month, 10), "month"
        if "mid" in part or "mediados" in part:
            return date(year, month, 11), date(year, month, 20), "month"
        if "late" in part or "end" in part or "fines" in part or "finales" in part:
            return date(year, month, 21), date(year, month, last_day), "month"
        return date(year, month, 1), date(year, month, last_day), "month"
    if kind == "weekday":
        before = text[max(0, m.start() - 12):m.start()].split()
        if doc_date is None or (before and before[-1][:1].isupper() and text[m.start()].isupper()
                                and not before[-1].lower().rstrip(",") in ("on", "last", "el", "este")):
            return None  # no report date to count back from, or a name ("Santo Domingo")
        back = (doc_date.weekday() - WEEKDAYS[g["wd"].casefold()]) % 7
        day = doc_date - timedelta(days=back)
        return day, day, "day"
    if kind == "relative":
        if doc_date is None:
            return None
        unit, n = _RELATIVE_WORDS[_fold(g["rel"])]
        if unit == "day":
            day = doc_date + timedelta(days=n)
            return day, day, "day"
        if unit == "week":
            start = doc_date - timedelta(days=doc_date.weekday() - 7 * n)
            return start, start + timedelta(days=6), "week"
        year, month = divmod(doc_date.year * 12 + doc_date.month - 1 + n, 12)
        first = date(year, month + 1, 1)
        return first, first.replace(day=calendar.monthrange(first.year, first.month)[1]), "month"
    if kind == "part_year":
        year, part = int(g["year"]), g["part"].lower()
        if part in ("mediados", "mid"):
            return date(year, 5, 1), date(year, 8, 31), "month"
        if part in ("inicios", "comienzos", "early"):
            return date(year, 1, 1), date(year, 4, 30), "month"
        return date(year, 9, 1), date(year, 12, 31), "month"
    if kind in ("year", "year_noun"):
        year = int(g["year"])
        return date(year, 1, 1), date(year, 12, 31), "year"
    return None


def _year(value: str | None) -> int | None:
    if not value:
        return None
    y = int(value)
    if y < 100:
        y += 2000 if y < 50 else 1900
    return y
