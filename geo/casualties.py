"""Casualty phrases (killed, injured, disappeared, captured) in English and Spanish, in one pass over the words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

import ahocorasick

from geo import thresholds
from geo.lang import lexicon
from geo.numbers import Token, read_number, split_words, tokenize

__all__ = ["Casualty", "find_casualties", "killed_in", "injured_in"]

_MAX_MODIFIERS = 4  # words before a figure: "at least some"
_MAX_NOUN = 8  # words of a count's noun: "Four Peruvian National Police (PNP) officers"
_MAX_AUX = 4  # words between a noun and its casualty word: "have reportedly been killed"
_MAX_LINKS = 3  # words between a casualty word and its count: "the death toll rose to 14"
_MAX_ASIDE_TO_LINK = 9  # words of an aside before a link: "the death toll from Sunday's ambush in Huanta rose to"
_STOPS_ASIDE = frozenset({"cas", "count", "comma", "mark", "bracket", "single"})  # what no such aside holds
_MAX_INCLUSION = 10  # words of an aside naming some of the victims: "including three children and their mother"
_MAX_ASIDE = 4  # words after a count of a list: "five in Huanta, three in Tambo"
_MAX_CIRCUMSTANCE = 6  # words of a circumstance before the victims: "en presencia de los pobladores"
_MAX_RELATIVE = 10  # words of a relative clause in a list: "dos policías que pertenecían a la Guardia y diez ..."
_BEFORE, _AFTER = ("before", "either"), ("after", "either", "counted", "people")
_NOUN = frozenset({"victim", "vmod", "bracket", "single"})
_AUX = frozenset({"aux", "neg"})
_ASIDE = frozenset({"name", "vmod", "mod", "link", "circ", "loc"})  # the roles of the words of an aside
_QUANTITIES = {"exact", "vague", "zero", "det"}
#: role -> the language module's words for it
_ROLES = {"vague": "VAGUE_QUANTIFIERS", "mod": "COUNT_MODIFIERS", "aux": "CASUALTY_AUXILIARIES",
          "victim": "VICTIM_NOUNS", "vmod": "VICTIM_MODIFIERS", "measure": "MEASURE_NOUNS", "neg": "NEGATIONS",
          "part": "PARTITIVES", "conj": "COUNT_CONJUNCTIONS", "link": "COUNT_LINKS", "range": "RANGE_JOINERS",
          "opener": "RANGE_OPENERS", "joiner": "NUMBER_JOINERS", "det": "ZERO_DETERMINERS", "zero": "ZERO_SUBJECTS",
          "single": "SINGULAR_VICTIMS", "one": "SINGULAR_VERBS", "rel": "RELATIVE_PRONOUNS", "along": "COMPANIONS",
          "with": "WITH_PEOPLE", "circ": "CIRCUMSTANCES", "loc": "LOCATIVES", "incl": "INCLUSIONS"}


@dataclass(frozen=True, slots=True)
class Casualty:
    """A casualty phrase: how many were killed, injured, disappeared or captured, and where it is written."""

    column: str  # "killed" | "injured" | "disappeared" | "captured"
    value: int | None  # None when the text gives no exact figure ("dozens", "several", "decenas")
    start: int  # offsets, into the text passed in, of the whole phrase (count .. casualty word)
    end: int
    count_text: str  # the count as written: "at least four", "nine ... two", "no one", "dozens of"
    #: the total so far an ordinal tells ("a fourth officer died": one victim, four in all), or None
    total: int | None = None
    more: bool = False  # others beyond those told before ("two more soldiers", "otros dos policías")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    code: str
    contractions: dict[str, tuple[str, ...]]  # a contraction -> its words ("al" -> "a", "el")
    split_after: frozenset[tuple[str, str]]  # the last two words of the phrases a contraction's first word ends
    phrases: dict[tuple[str, ...], dict[str, object]]  # words -> role -> data
    lengths: dict[str, tuple[int, ...]]  # first word -> the lengths of the phrases it starts, longest first
    ones: dict[str, dict[str, object]]  # the roles of the one-word phrases
    pairs: frozenset[tuple[str, str]]  # the first two words of the longer phrases
    count_starts: frozenset[str]  # the words a count can start with, but for figures
    months: frozenset[str]  # month names: a figure beside one is a day, not a count
    any_months: frozenset[str]  # with abbreviations ("Nov."), months when capitalised
    not_names: frozenset[str]  # months and weekdays: never part of a person's name
    determiners: frozenset[tuple[str, ...]]  # the words before a singular victim: "the", "a su"
    determiner_length: int  # the words of the longest
    determiner_firsts: frozenset[str]  # the first words of the determiners
    unit_starts: frozenset[str]  # the words a count or a singular victim can start with, but for figures
    ordinals: dict[str, int]  # "fourth" -> 4: after "a", "the", "un", a victim counted as the n-th
    more: frozenset[str]  # words that count others beyond those told: "more", "another", "otros"
    modifiers_before: bool  # the language puts modifiers before the noun ("a mining engineer")
    possessives: tuple[str, ...]  # endings of a possessor: "the community's president"


@dataclass(slots=True)
class _Unit:
    """A phrase of the language data, a count ({"count": value}), a person's name ({"name": True}), a
    punctuation mark ({"mark": True}) or another word ({})."""

    start: int
    end: int
    roles: dict[str, object]


@cache
def _casualty_words(code: str) -> ahocorasick.Automaton:
    """The longest word of each of the language's casualty phrases ("muerte" of "la muerte de", not
    "la"), with how far into its phrase it stands: every casualty phrase holds one."""
    auto = ahocorasick.Automaton()
    before: dict[str, int] = {}
    for words in lexicon(code).CASUALTY_WORDS:
        tokens = _split(tokenize(words), lexicon(code).CONTRACTIONS)
        anchor = max(tokens, key=lambda t: len(t.text))
        before[anchor.text] = max(before.get(anchor.text, 0), anchor.start)
    for word, offset in before.items():
        auto.add_word(word, (word, offset))
    auto.make_automaton()
    return auto


@cache
def _lexicon(code: str) -> _Lexicon:
    lang = lexicon(code)
    entries = [("cas", w, v) for w, v in lang.CASUALTY_WORDS.items()]
    entries += [("exact", w, v) for w, v in lang.EXACT_QUANTIFIERS.items()]
    entries += [(role, w, True) for role, name in _ROLES.items() for w in getattr(lang, name)]
    entries += [("comma", ",", True), ("bracket", "(", True), ("bracket", ")", True)]
    phrases: dict[tuple[str, ...], dict[str, object]] = {}
    for role, words, data in entries:
        phrases.setdefault(tuple(t.text for t in _split(tokenize(words), lang.CONTRACTIONS)), {})[role] = data
    lengths: dict[str, set[int]] = {}
    for key in phrases:
        lengths.setdefault(key[0], set()).add(len(key))
    ones = {key[0]: roles for key, roles in phrases.items() if len(key) == 1}
    pairs = frozenset(key[:2] for key in phrases if len(key) > 1)
    starts = {key[0] for key, roles in phrases.items() if roles.keys() & (_QUANTITIES | {"mod", "opener"})}
    count_starts = frozenset(starts | lang.NUMBER_WORDS.keys() | lang.SCALE_WORDS.keys())
    months = frozenset(lang.MONTHS) | frozenset(lang.MONTH_ABBREVIATIONS)
    determiners = frozenset(tuple(t.text for t in split) for d in lang.SINGULAR_DETERMINERS
                            for split in {tuple(tokenize(d)), tuple(_split(tokenize(d), lang.CONTRACTIONS))})
    determiner_firsts = frozenset(d[0] for d in determiners)
    firsts = {parts[0] for parts in lang.CONTRACTIONS.values()}
    split_after = frozenset(key[-2:] for key in phrases if len(key) > 1 and key[-1] in firsts)
    return _Lexicon(code, lang.CONTRACTIONS, split_after, phrases, {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}, ones, pairs,
                    count_starts, frozenset(lang.MONTHS), months, months | frozenset(lang.WEEKDAYS), determiners,
                    max(map(len, determiners)), determiner_firsts, count_starts | determiner_firsts,
                    dict(lang.ORDINALS), frozenset(lang.ADDED_MARKERS), lang.MODIFIER_ORDER == "before",
                    tuple(lang.POSSESSIVE_SUFFIXES))


def _split(tokens: list[Token], contractions: dict[str, tuple[str, ...]]) -> list[Token]:
    """A phrase's tokens with each contraction after its first word read as its words ("costó la vida al"
    is "... a el"); a phrase opening with one keeps it ("al menos")."""
    if not contractions or not any(t.text in contractions for t in tokens[1:]):
        return tokens
    return tokens[:1] + [Token(w, t.start, t.end) for t in tokens[1:] for w in contractions.get(t.text, (t.text,))]


def _split_words(split: tuple[list[str], list[int], list[int]], lex: _Lexicon) -> tuple[list[str], list[int], list[int]]:
    """The words of :func:`geo.numbers.split_words` with each contraction read as its words, each spanning
    the contraction, where its first word ends a phrase of the language data ("mató al alcalde" is "mató a"
    + "el alcalde"); where it also opens a phrase itself, its first word ends the one and it whole opens
    the other ("mataron al menos a 12" is "mataron a" + "al menos a 12")."""
    words, starts, ends = split
    if not lex.contractions or lex.contractions.keys().isdisjoint(words):
        return split
    out: tuple[list[str], list[int], list[int]] = ([], [], [])
    for i, (word, start, end) in enumerate(zip(words, starts, ends)):
        parts = lex.contractions.get(word)
        if parts is None or i == 0 or (words[i - 1], parts[0]) not in lex.split_after:
            parts = (word,)
        elif (word, words[i + 1] if i + 1 < len(words) else "") in lex.pairs:
            parts = (parts[0], word)
        for part in parts:
            out[0].append(part)
            out[1].append(start)
            out[2].append(end)
    return out


class _Words(list):
    """The words of a text, their offsets, and the phrase of the language data found at each index, looked up
    once (each is asked for many times)."""

    __slots__ = ("starts", "ends", "phrase")

    def __init__(self, words: list[str], starts: list[int], ends: list[int], lex: _Lexicon) -> None:
        super().__init__(words)
        self.starts, self.ends = starts, ends
        ones, pairs = lex.ones, lex.pairs
        after = self[1:] + [""]
        #: per index, and one past the last, the longest phrase there: the index after it and its roles
        self.phrase = [_longest(self, i, lex) if pair in pairs else (i + 1, ones[pair[0]]) if pair[0] in ones
                       else (i, _NONE) for i, pair in enumerate(zip(self, after))]
        self.phrase.append((len(self), _NONE))


_NONE: dict[str, object] = {}
_NAME: dict[str, object] = {"name": True}
_MARK: dict[str, object] = {"mark": True}
_SINGLE: dict[str, object] = {"count": 1, "single": True}


def _longest(words: list[str], i: int, lex: _Lexicon) -> tuple[int, dict[str, object]]:
    """The longest phrase of the language data at ``words[i]``: the index after it and its roles."""
    for n in lex.lengths[words[i]]:
        roles = lex.phrases.get(tuple(words[i:i + n])) if i + n <= len(words) else None
        if roles is not None:
            return i + n, roles
    return i, _NONE


def _quantity(roles: dict[str, object]) -> dict[str, object]:
    """A count from a quantifier: "no one" 0, "no" 0 before a noun only, "a dozen" 12, "dozens" unknown."""
    if "zero" in roles:
        return {"count": 0}
    if "det" in roles:
        return {"count": 0, "det": True}
    return {"count": roles.get("exact")}


def _is_date(text: str, words: _Words, i: int, lex: _Lexicon) -> bool:
    """A figure that is a year ("1992") or a day beside a month ("12 May", "Nov. 13")."""
    def month(j: int) -> bool:  # "may" is a month only when capitalised
        if not 0 <= j < len(words):
            return False
        word = words[j]
        return word in lex.months and len(word) > 3 or word in lex.any_months and text[words.starts[j]].isupper()

    word = words[i]
    year = len(word) == 4 and word.isdecimal() and 1800 <= int(word) <= 2099
    return year or month(i + 1) or month(i - 1) or (i >= 2 and words[i - 1] == "." and month(i - 2))


def _counts_things(words: _Words, i: int) -> bool:
    """Whether the words from ``i`` on make a figure a count of things ("2 tonnes", "three police vehicles")."""
    for _ in range(_MAX_NOUN):
        i, roles = words.phrase[i]
        if "vmod" not in roles:
            return "measure" in roles and "victim" not in roles
    return False


def _counts_people(words: _Words, i: int) -> bool:
    """Whether the words from ``i`` on name people, maybe after modifiers ("police officer", "agente")."""
    for _ in range(_MAX_NOUN):
        i, roles = words.phrase[i]
        if "victim" in roles or "single" in roles:
            return True
        if "vmod" not in roles:
            return False
    return False


def _count_at(text: str, words: _Words, i: int, lex: _Lexicon) -> tuple[_Unit, int] | None:
    """The count written from token ``i`` (a figure or a word of ``lex.count_starts``) on and the token after it:
    "at least four", "dozens of", "no one", "between 10 and 20"; None for no count, a date, or a figure of things."""
    phrase = words.phrase
    j, opened, last = i, False, _NONE
    for _ in range(_MAX_MODIFIERS):
        k, roles = phrase[j]
        if "mod" not in roles and "opener" not in roles:
            break
        j, opened, last = k, opened or "opener" in roles, roles
    k, roles = phrase[j]
    quantity = not _QUANTITIES.isdisjoint(roles)
    at = k if quantity else j  # where an ordinal would stand: after "a", "un", or a modifier ("the")
    if (quantity or j > i) and at < len(words) and words[at] in lex.ordinals and _counts_people(words, at + 1):
        return _Unit(words.starts[i], words.ends[at], {"count": 1, "total": lex.ordinals[words[at]]}), at + 1  # "a fourth officer"
    number = read_number(words, j, lex.code)
    if number and not (quantity and k > number[1]):
        value, end = number
        if end == j + 1 and _is_date(text, words, j, lex):
            return None
        after, roles = phrase[end]
        other = read_number(words, after, lex.code) if "range" in roles or opened and "joiner" in roles else None
        if other:  # "10 or 12", "entre 10 y 20": the lower end
            value, end = min(value, other[0]), other[1]
        found = {"count": value}
    elif quantity:
        found, end = _quantity(roles), k
    elif not _QUANTITIES.isdisjoint(last):  # "some soldiers", "another soldier"
        found, end = _quantity(last), j
    else:
        return None
    if _counts_things(words, end):
        return None
    if not lex.more.isdisjoint(words[i:end + 1]):  # "two more", "otros dos", "another"
        found["more"] = True
    return _Unit(words.starts[i], words.ends[end - 1], found), end


def _single_at(words: _Words, i: int, lex: _Lexicon) -> int | None:
    """The token after a singular victim written from token ``i`` (a word of ``lex.determiner_firsts``) on, a
    count of one: a determiner or possessive, then a singular victim noun, maybe with modifiers ("the mayor",
    "a su esposa", "el hijo del alcalde", "the local police officer"); None when there is none."""
    for n in range(min(lex.determiner_length, len(words) - i), 0, -1):
        if tuple(words[i:i + n]) in lex.determiners:
            break
    else:
        return None
    j, end = i + n, None
    if j + 1 < len(words) and not words.phrase[j][1] and ((lex.possessives and words[j].endswith(lex.possessives)) or (
            lex.modifiers_before and words[j].isalpha() and "single" in words.phrase[j + 1][1])):
        j += 1  # "the community's president", "the town's mayor", "the post commander"
    for _ in range(_MAX_NOUN):
        j, roles = words.phrase[j]
        if "single" not in roles and "vmod" not in roles and "victim" not in roles:
            break
        end = j if "single" in roles else end
    return end


def _units(text: str, words: _Words, lex: _Lexicon) -> list[_Unit]:
    """The text as counts (a singular victim is one: "the mayor"), phrases of the language data, names (two or
    more capitalised words) and other tokens."""
    phrase, starts, ends, n = words.phrase, words.starts, words.ends, len(words)
    not_names, count_starts, determiner_firsts, unit_starts = lex.not_names, lex.count_starts, \
        lex.determiner_firsts, lex.unit_starts

    def name_word(j: int) -> bool:  # "Quispe", not "QUISPE" (a cable in capitals), "May" or "Police"
        start, end = starts[j], ends[j]
        first = text[start]
        return (first.isupper() and first.isalpha() and not text[start:end].isupper()
                and words[j] not in not_names and not phrase[j][1])

    def name_end(j: int) -> int:  # the token after the name words from ``j`` on
        while j < n and name_word(j):
            j += 1
        return j

    units: list[_Unit] = []
    i = 0
    while i < n:
        word, start = words[i], starts[i]
        if word in unit_starts or word[0].isdecimal() or "-" in word:  # a count or a singular victim may start here
            counting = word[0].isdecimal() or word.partition("-")[0] in count_starts
            if counting and (found := _count_at(text, words, i, lex)):
                unit, i = found
                units.append(unit)
                continue
            single = _single_at(words, i, lex) if word in determiner_firsts else None
            if single:
                units.append(_Unit(start, ends[single - 1], _SINGLE))
                i = single
                continue
        end, roles = phrase[i]
        capital = text[start].isupper()
        if "single" in roles and capital and (titled := name_end(end)) > end:
            end, roles = titled, _NAME  # "Mayor Juan Pérez", "Teniente Gobernador Luis Soto"
        elif not roles:  # most words: no count, victim or phrase starts here
            end = name_end(i + 1) if capital and name_word(i) else i + 1
            roles = _NAME if end > i + 1 else _NONE if word[0].isalnum() else _MARK
        units.append(_Unit(start, ends[end - 1], roles))
        i = end
    return units


def _voice(unit: _Unit) -> str | None:
    cas = unit.roles.get("cas")
    return cas[1] if cas else None


def _separator(units: list[_Unit], i: int) -> tuple[str | None, int]:
    """The list separator at unit ``i`` ("and", ", and", ",", "y a") and the unit after it, or (None, i)."""
    kind = "comma" if i < len(units) and "comma" in units[i].roles else None
    if kind and i + 1 < len(units) and "conj" in units[i + 1].roles:
        kind, i = "conj", i + 1
    elif not kind and i < len(units) and "conj" in units[i].roles:
        kind = "conj"
    if kind is None:
        return None, i
    i += 1
    return kind, i + (i < len(units) and "mod" in units[i].roles)  # "y a María Soto"


def _list(units: list[_Unit], j: int, ok: Callable[[int], bool], end_of: Callable[[int], int],
          asides: bool = False) -> tuple[list[int], bool]:
    """The members of a list that starts at unit ``j`` ("tres policías y dos civiles", "Ana Quispe, Luis Rojas
    and Pedro Huamán"), and whether they stand apart, each with words of its own ("five in Huanta, three in
    Tambo"). A last member joined by a bare comma is left out (an aside, not a list)."""
    members, joins, apart = [j], [], False
    while True:
        i = end_of(members[-1])
        kind, nxt = _separator(units, i)
        gap = i
        while asides and kind is None and gap < len(units) and gap - i < _MAX_ASIDE and _is_aside(units[gap]):
            gap += 1
            kind, nxt = _separator(units, gap)
        if kind is None and i < len(units) and "rel" in units[i].roles:  # "who belonged to the Guard, and"
            gap = next((g for g in range(i + 1, min(len(units), i + _MAX_RELATIVE))
                        if _separator(units, g)[0] or units[g].roles.keys() & {"cas", "count"}), i)
            kind, nxt = _separator(units, gap) if gap > i else (None, i)
        if not kind or nxt >= len(units) or not ok(nxt):
            break
        members.append(nxt)
        joins.append(kind)
        apart = apart or (gap > i and "loc" in units[i].roles)  # "five in Huanta", not "the mayor of Tama"
    while joins and joins.pop() == "comma":
        members.pop()
    return members, apart and len(members) > 1


def _is_aside(unit: _Unit) -> bool:
    """A word that may follow a count in a list without ending it: "in Huanta", "en el distrito de Tambo"."""
    return unit.roles.keys() <= _ASIDE


def _back(units: list[_Unit], i: int, first: bool) -> int | None:
    """The unit before the conjunction that ends at unit ``i`` ("nine soldiers | and | two civilians"), or None;
    a bare comma joins no last member."""
    if i >= 0 and "conj" in units[i].roles:
        return i - 1 - (i >= 1 and "comma" in units[i - 1].roles)
    if i >= 0 and "comma" in units[i].roles and not first:
        return i - 1
    return None


@dataclass(frozen=True, slots=True)
class _Group:
    """Counts, names or singular victims and the casualty word they go with; a member that is none of these is
    the singular verb of one victim ("fue degollado")."""

    word: int  # the casualty word's unit
    members: tuple[int, ...]
    spans_word: bool = True  # False for a figure apart, after the first, of a list ("..., three in Tambo")


@dataclass(slots=True)
class _Nouns:
    """Each count's noun and the casualty word after it, if any."""

    end: dict[int, int] = field(default_factory=dict)  # count -> the unit after its noun
    ending: dict[int, int] = field(default_factory=dict)  # the last unit of a count's noun -> the count
    before: dict[int, tuple[int, bool, bool]] = field(default_factory=dict)  # count -> (word, strong, through aux)
    dropped: set[int] = field(default_factory=set)  # partitives ("several of whom"), denied ("were not killed")

    def strong(self, c: int) -> bool:
        return c in self.before and self.before[c][1]


def _nouns(units: list[_Unit], modifiers_before: bool) -> _Nouns:
    """Read each count's noun ("Four Peruvian National Police (PNP) officers") and what follows it;
    where the language puts modifiers before the noun, one word of its own may be one ("a mining engineer")."""
    n, out = len(units), _Nouns()
    for c, unit in enumerate(units):
        if "count" not in unit.roles:
            continue
        j, named = c + 1, False
        while j < n and j - c <= _MAX_NOUN:
            roles = units[j].roles
            if not _NOUN.isdisjoint(roles):
                named = named or "victim" in roles or "single" in roles
            elif roles or named or not modifiers_before or j + 1 >= n \
                    or units[j + 1].roles.keys().isdisjoint(("victim", "single")):
                break  # but one word of its own before the noun: "a mining engineer"
            j += 1
        j += j < n and "single" in unit.roles and "name" in units[j].roles  # "al alcalde Juan Pérez"
        out.end[c], out.ending[j - 1] = j, c
        k = j + (j < n and "part" in units[j].roles)
        if k > j and unit.roles["count"] != 0:
            out.dropped.add(c)
            continue
        k = _past_inclusion(units, k)
        m, aux, neg = k, False, False
        while m < n and m - k < _MAX_AUX and not _AUX.isdisjoint(units[m].roles):
            aux, neg, m = aux or "aux" in units[m].roles, neg or "neg" in units[m].roles, m + 1
        if m < n and _voice(units[m]) in _BEFORE:
            if neg or ("det" in unit.roles and aux and j == c + 1):  # "no fueron asesinados" denies a verb
                out.dropped.add(c)
            else:
                out.before[c] = (m, True, aux)
        elif j > c + 1 and "victim" in units[j - 1].roles and _voice(units[j - 1]) in _BEFORE:
            out.before[c] = (j - 1, False, False)  # "took 30 hostages", unless a verb before claims it
    return out


def _past_inclusion(units: list[_Unit], k: int) -> int:
    """Where the words after a count's noun go on past an aside naming some of its victims ("Seven
    people, | including three children, | died"; "Siete personas, | entre ellas tres niños, | murieron")."""
    if k + 1 < len(units) and "comma" in units[k].roles and "incl" in units[k + 1].roles:
        for m in range(k + 2, min(len(units), k + 2 + _MAX_INCLUSION)):
            if "comma" in units[m].roles:
                return m + 1
    return k


def _subject(units: list[_Unit], k: int) -> int:
    """The unit before the auxiliaries of casualty word ``k`` ("Ana Quispe | was reportedly | killed"), or -1."""
    i = k - 1
    while i >= 0 and k - i <= _MAX_AUX and "aux" in units[i].roles:
        i -= 1
    return i


def _intransitive(unit: _Unit) -> bool:
    """A casualty word with no object, whose subject needs no auxiliary before it ("died", "murió")."""
    return _voice(unit) == "before" or "one" in unit.roles


def _appositive(units: list[_Unit], members: list[int], end_of: Callable[[int], int]) -> list[int]:
    """The list without its last names and singular victims when, after a comma, they only name the figure
    before them: "two teachers, Ana Quispe and Luis Rojas" is two, "the mayor, his wife and two teachers" four."""
    s = len(members)
    while s and units[members[s - 1]].roles.keys() & {"name", "single"}:
        s -= 1
    if 0 < s < len(members) and "comma" in units[end_of(members[s - 1])].roles:
        figure = units[members[s - 1]].roles["count"]
        if figure is None or figure >= len(members) - s:
            return members[:s]
    return members


def _link(units: list[_Unit], modifiers_before: bool) -> list[_Group]:
    """The casualty words with the counts, names and singular victims that go with them."""
    n, nouns, taken = len(units), _nouns(units, modifiers_before), set()

    def free(c: int) -> bool:
        return "count" in units[c].roles and c not in nouns.dropped and c not in taken and not nouns.strong(c)

    def name(j: int) -> bool:
        return "name" in units[j].roles and j not in taken and (j + 1 >= n or _NOUN.isdisjoint(units[j + 1].roles))

    def member(j: int) -> bool:  # a count (a singular victim is one) or a name
        return free(j) or name(j)

    def people(j: int) -> bool:  # "two others", "su esposa"; not "a machete"
        return free(j) and any(units[m].roles.keys() & {"victim", "single"} for m in range(j, end_of(j)))

    def end_of(m: int) -> int:
        return nouns.end.get(m, m + 1)

    def back(members: list[int]) -> tuple[int, ...]:
        """The list told before its casualty word, from its last member back ("Ana Quispe and two soldiers")."""
        while (prev := _back(units, members[-1] - 1, len(members) == 1)) is not None and prev >= 0:
            if not name(prev):
                prev = nouns.ending.get(prev)
                if prev is None or not free(prev):
                    break
            members.append(prev)
        taken.update(members)
        return tuple(reversed(members))

    def along(group: _Group) -> _Group:
        """The group with the victims told after "along with" or "junto con" ("fue degollado, junto con otros
        dos comuneros" is three)."""
        start = i = max(group.word + 1, end_of(group.members[-1]))
        while i < n and i - start <= _MAX_ASIDE and ("comma" in units[i].roles or _is_aside(units[i])):
            i += 1
        roles = units[i].roles if i < n else {}
        ok = member if "along" in roles else people if "with" in roles else None
        if ok is None or i + 1 >= n or not ok(i + 1):
            return group
        more, _ = _list(units, i + 1, ok, end_of)
        taken.update(more)
        return replace(group, members=group.members + tuple(more))

    said = [(k, unit) for k, unit in enumerate(units) if "cas" in unit.roles]  # the casualty words
    groups: list[_Group] = []
    for k, unit in said:  # "killed 13 soldiers", "asesinaron al alcalde y a tres de sus familiares"
        if _voice(unit) not in _AFTER or _denied(units, k):
            continue
        j = _past_aside(units, _past_circumstance(units, k + 1, people))
        linked = j
        while j < n and j - linked <= _MAX_LINKS and "link" in units[j].roles:
            j += 1
        # "the massacre of nine", not "of Accomarca"; "lost four soldiers", not "lost two tonnes"
        ok = {"counted": free, "people": people}.get(_voice(unit), member)
        if j >= n or not ok(j):
            c = _linked_before(units, k)  # "se elevó a cinco la cifra de muertos"
            if c is not None and free(c):
                taken.add(c)
                groups.append(_Group(k, (c,)))
            continue
        members, apart = _list(units, j, ok, end_of, asides="name" not in units[j].roles)
        members = _appositive(units, members, end_of)
        taken.update(members)
        subject = _subject(units, k)
        if subject >= 0 and "rel" in units[subject].roles and all(
                units[m].roles.keys() & {"name", "single"} for m in members):
            continue  # "the rebel who killed the mayor": a victim told already, with no figure
        groups += [_Group(k, (m,), m == j) for m in members] if apart else [_Group(k, tuple(members))]
    told_after = {g.word for g in groups}
    for c in reversed(nouns.before):  # "nine soldiers and two civilians died", "Ana Quispe and two soldiers ..."
        k, _, aux = nouns.before[c]
        if c in taken or (k in told_after and _voice(units[k]) == "either" and not aux):
            continue  # "Two soldiers killed five rebels": the subject of an active verb
        groups.append(_Group(k, back([c])))
    claimed = {g.word for g in groups}
    for k, unit in said:  # "Ana Quispe and Luis Rojas were killed", "Juan Pérez died"; "fue degollado"
        if _voice(unit) not in _BEFORE or k in claimed or _denied(units, k):
            continue
        i = _subject(units, k)
        if i >= 0 and name(i) and (i < k - 1 or _intransitive(unit)):
            groups.append(_Group(k, back([i])))
            continue
        one = next((m for m in range(i + 1, k + 1) if "one" in units[m].roles), None)
        counted = i >= 0 and (i in nouns.ending or units[i].roles.keys() & {"name", "measure", "part"})
        if one is not None and not counted:
            groups.append(_Group(k, (one,)))  # a singular verb and no count, name or thing before it: one victim
    return [along(g) if g.spans_word else g for g in groups]


def _past_aside(units: list[_Unit], j: int) -> int:
    """Where a link to the count stands after an aside told between a casualty word and it ("the death
    toll | from Sunday's ambush in Huanta | rose to five", "el número de muertos | por el ataque | ascendió
    a 14"); ``j`` itself when no link follows within ``_MAX_ASIDE_TO_LINK`` words."""
    for m in range(j, min(len(units), j + _MAX_ASIDE_TO_LINK)):
        roles = units[m].roles
        if "link" in roles:
            return m
        if not _STOPS_ASIDE.isdisjoint(roles):
            break
    return j


def _linked_before(units: list[_Unit], k: int) -> int | None:
    """The count a link tells before its casualty word, the word maybe after an article ("se elevó a cinco
    | la cifra de muertos", "asciende a 12 | el número de heridos"), or None."""
    for c in (k - 1, k - 2):
        if c >= 1 and "count" in units[c].roles and "link" in units[c - 1].roles \
                and (c == k - 1 or "vmod" in units[k - 1].roles):
            return c
    return None


def _past_circumstance(units: list[_Unit], j: int, people: Callable[[int], bool]) -> int:
    """Where the victims stand after a circumstance told between their casualty verb and them
    ("asesinó | en presencia de los pobladores | a siete autoridades", "killed, | in front of the
    villagers, | seven officials"); ``j`` itself when no such circumstance stands there."""
    i = j + (j < len(units) and "comma" in units[j].roles)
    if i >= len(units) or "circ" not in units[i].roles or (j >= 2 and "aux" in units[j - 2].roles):
        return j  # no circumstance; or a passive ("was killed in Huanta"), whose victim stands before
    for m in range(i + 1, min(len(units), i + 1 + _MAX_CIRCUMSTANCE)):
        if people(m):
            return m
        if units[m].roles.keys() & {"cas", "name", "along", "with"}:
            break  # another casualty word, a name or a companion: not one circumstance
    return j


def _denied(units: list[_Unit], k: int) -> bool:
    """Whether a negation stands before casualty word ``k``: "did not kill", "were not killed"."""
    i = k - 1 - (k >= 1 and "aux" in units[k - 1].roles and "neg" not in units[k - 1].roles)
    return i >= 0 and "neg" in units[i].roles


def find_casualties(text: str, code: str = "en", start: int = 0, end: int | None = None) -> list[Casualty]:
    """Every casualty phrase in ``text[start:end]``, in order; offsets are into ``text``.

    Parameters
    ----------
    text : str
        The text to read.
    code : str
        Its language ("en", "es").
    start, end : int
        The part of ``text`` to read.

    Returns
    -------
    list of Casualty
        One per phrase: the figures of one casualty word are summed ("nine soldiers and
        two civilians died" is 11), but not those of a list with a place each ("five in Huanta,
        three in Tambo"); a name, a singular victim ("the mayor", "a su esposa") and a singular
        verb with no count ("fue degollado") are one each, and victims told "along with" the
        casualty word are added ("the mayor was killed along with two bodyguards" is 3); a zero
        of the injured or of all casualties ("no one was hurt", "sin víctimas") is given as both
        killed and injured; a figure of casualties of no column ("five casualties") is left out.
    """
    end = len(text) if end is None else end
    found: list[Casualty] = []
    for lo, hi in _windows(text, start, end, code):
        found += _phrases(text, lo, hi, code)
    return sorted(found, key=lambda c: (c.start, c.end))


def _windows(text: str, start: int, end: int, code: str) -> list[tuple[int, int]]:
    """The parts of text[start:end] around its casualty words (merged, cut at spaces): the only
    parts a casualty phrase can lie in (a C-speed scan before the word-by-word one)."""
    window = thresholds.TABLE.casualty_window
    spans: list[tuple[int, int]] = []
    for at, (word, offset) in _casualty_words(code).iter(text[start:end].lower()):
        first, last = start + at - len(word) + 1, start + at + 1
        if (first > 0 and text[first - 1].isalnum()) or (last < len(text) and text[last].isalnum()):
            continue  # inside another word ("die" in "soldiers")
        lo, hi = max(start, first - offset - window), min(end, last + window)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return [(_space_after(text, lo, start), _space_before(text, hi, end)) for lo, hi in spans]


def _space_after(text: str, pos: int, start: int) -> int:
    """``pos`` moved to the start of the next word (never splitting one), unless it is the start."""
    cut = -1 if pos == start else text.find(" ", pos, pos + 40)
    return pos if cut == -1 else cut + 1


def _space_before(text: str, pos: int, end: int) -> int:
    """``pos`` moved back to the end of the last whole word, unless it is the end."""
    cut = -1 if pos == end else text.rfind(" ", max(0, pos - 40), pos)
    return pos if cut == -1 else cut


def _phrases(text: str, start: int, end: int, code: str) -> list[Casualty]:
    """The casualty phrases of one window of text."""
    lex = _lexicon(code)
    words = _Words(*_split_words(split_words(text, start, end), lex), lex)
    if not any("cas" in roles for _, roles in words.phrase):
        return []  # its casualty word stands in no casualty phrase ("massacre" of "massacre of")
    units = _units(text, words, lex)
    found: list[Casualty] = []
    for group in _link(units, lex.modifiers_before):
        word, first, last = units[group.word], units[group.members[0]], units[group.members[-1]]
        column = word.roles["cas"][0]
        if all("name" in units[m].roles for m in group.members):
            value, count_text = len(group.members), text[first.start:last.end]
        else:
            values = [units[m].roles.get("count", 1) for m in group.members]  # a name or singular verb is one
            value = None if None in values else sum(values)
            count_text = " ... ".join(text[units[m].start:units[m].end] for m in group.members)
        columns = ("killed", "injured") if value == 0 and column in ("injured", "casualties") else (column,)
        span = (min(first.start, word.start), max(last.end, word.end)) if group.spans_word else (first.start, last.end)
        counted = [units[m].roles for m in group.members]
        total = counted[0].get("total") if len(counted) == 1 else None
        more = all("more" in r for r in counted)
        found += [Casualty(col, value, *span, count_text, total, more) for col in columns if col != "casualties"]
    return found


def _lowest(found: list[Casualty], column: str) -> int | None:
    """The lowest figure of a column; a zero only when no other figure is given."""
    values = [c.value for c in found if c.column == column and c.value is not None]
    return min((v for v in values if v), default=0 if values else None)


def killed_in(sentence: str, code: str = "en") -> int | None:
    """The lowest number of dead the sentence gives, or None when it gives no figure."""
    return _lowest(find_casualties(sentence, code), "killed")


def injured_in(sentence: str, code: str = "en") -> int | None:
    """The lowest number of injured the sentence gives, or None when it gives no figure."""
    return _lowest(find_casualties(sentence, code), "injured")
