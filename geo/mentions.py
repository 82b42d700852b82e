"""Find place mentions: every gazetteer name in a document, minus people, foreign places and words."""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

import ahocorasick
import numpy as np

from gazetteer import Gazetteer, Place, fold
from gazetteer.names import GIVEN_NAMES
from geo.document import Document
from geo.kinds import STRONG_KINDS
from geo.lang import every
from geo.screen import Screens
from geo.textfold import fold_text

__all__ = ["Mention", "MentionFinder", "find_mentions", "LIST_GAP"]

_WORD = re.compile(r"[\w'’-]+")
# The word joined to a name by a single space: "Dina Boluarte".
_JOINED_AFTER = re.compile(r"[ \n]([\w'’-]+)")
_UNIT_KINDS = frozenset({"department", "province", "district"})
# What every cued word's cue holds (the pattern below reads cues in lower case or capitalised only).
_CUE_STEMS = ("egion", "egión", "epartment", "rovinc", "istrict", "istrito")
_CUED_WORD = re.compile(
    r"\b(?P<before>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{3,})[ \n](?P<cue_after>Region|Department|Province|District|region|"
    r"department|province|district)\b|\b(?P<cue_before>province of|department of|region of|provincia de|"
    r"departamento de|distrito de|región)[ \n](?P<after>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{3,})\b")
_CLOSEST_HELD = 100_000  # misspelt keys whose closest unit name is remembered
_CONNECTORS = {"de", "del", "la", "el", "los", "las", "the", "of", "y", "and"}
# The words of every language that tell places from people and organisations (geo/lang/*.py).
CUE_BEFORE, CUE_AFTER, CUE_BEFORE_LIST = every("CUE_BEFORE"), every("CUE_AFTER"), every("CUE_BEFORE_LIST")
_CUE_BEFORE_LAST = frozenset(phrase.rsplit(" ", 1)[-1] for phrase in CUE_BEFORE)  # the word each ends with
# What stands between two names of one enumeration: "Cusco, Tacna", "Tacna y Puno", "Tacna, and Puno".
LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:y|e|and)|\s+(?:y|e|and)\s*,?)\s*", re.IGNORECASE)
ORG_DIRECT, ORG_BEFORE, ORG_AFTER = every("ORG_DIRECT"), every("ORG_BEFORE"), every("ORG_AFTER")
TITLES, PERSON_AFTER, RULE_OF = every("TITLES"), every("PERSON_AFTER"), every("RULE_OF")
EVENT_AFTER = every("EVENT_AFTER")
# A unit's cue word right after a name, as written: " Province", " province", " Región"...
_UNIT_CUES_AFTER = tuple(sorted({f"{sep}{case(w)}" for w, k in CUE_AFTER.items() if k in ("department", "province", "district")
                                 for sep in (" ", "\n") for case in (str.lower, str.capitalize, str.upper)}))
PLACE_WORDS, FUNCTION_WORDS = every("PLACE_WORDS"), every("FUNCTION_WORDS")
# Capitalised words before a name that do not make it a person's.
_NOT_PERSON_BEFORE = FUNCTION_WORDS | PLACE_WORDS | CUE_BEFORE.keys() | CUE_AFTER.keys()
_PEOPLES = frozenset(fold(w) for w in every("PEOPLES"))
POSSESSIVES = tuple(sorted(every("POSSESSIVE_SUFFIXES")))  # "Lima's": a possessor
_NAME = r"(?P<name>[A-ZÁÉÍÓÚÑ][\w'’]+(?:[ \n](?:de |del |la )?[A-ZÁÉÍÓÚÑ][\w'’]+)?)"
#: Places the gazetteer lacks, marked as places by the text: (what, pattern).
UNKNOWN_PLACE_PATTERNS = [(kind, re.compile(pattern.replace("{name}", _NAME)))
                          for kind, pattern in every("UNKNOWN_PLACE_PATTERNS")]
_UNKNOWN_PLACE_SCREENS = Screens([pattern for _, pattern in UNKNOWN_PLACE_PATTERNS])


@dataclass(slots=True)
class Mention:
    """A span of a document that names a place, with its candidate places and cue words."""

    text: str
    start: int
    end: int
    key: str
    candidates: list[tuple[Place, str]] = field(default_factory=list)  # (place, how made)
    cue: str | None = None
    cue_kind: str | None = None
    marked_as: str | None = None  # for places the gazetteer lacks: "street", "bridge", ...
    foreign: bool = False  # also the name of a larger foreign place: kept only with local support
    reason: str = ""


class MentionFinder:
    """A multi-pattern automaton over every gazetteer name, built once per gazetteer."""

    _cache: dict[int, MentionFinder] = {}
    _lock = threading.Lock()

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer
        self.keys = gazetteer.names()
        priors = gazetteer.name_priors
        self.zipf, self.foreign, cue_only = priors["zipf"], priors["foreign_pop"], priors["cue_only"]
        auto = ahocorasick.Automaton()
        for k, key in enumerate(self.keys):
            if not cue_only[k]:
                auto.add_word(f" {key} ", k)
        auto.make_automaton()
        self.automaton = auto
        # River forms with an English article ("the Santa"): they yield to a unit's cue word after them.
        self.article_keys = frozenset(k for k, key in enumerate(self.keys) if key.startswith("the "))
        self._names: dict[int, _Name] = {}
        self._closest: dict[str, tuple | None] = {}  # a misspelt unit's key -> rapidfuzz's best unit name

    @classmethod
    def for_gazetteer(cls, gazetteer: Gazetteer) -> MentionFinder:
        with cls._lock:
            if id(gazetteer) not in cls._cache:
                cls._cache[id(gazetteer)] = cls(gazetteer)
            return cls._cache[id(gazetteer)]

    # -- finding ----------------------------------------------------------------------------
    def find(self, doc: Document) -> list[Mention]:
        """All place mentions in the document's body, longest match first, never overlapping."""
        text = doc.text
        edges, cut_letters = _cell_edges(text)
        folded, offsets = fold_text(text, edges)
        padded = f" {folded} "
        caps_doc = _mostly_upper(text)
        keys = self.keys
        # in the body only, longest first, then leftmost: (minus the length, folded start, folded end, key id)
        raw = sorted((-len(keys[k]), end - len(keys[k]) - 1, end - 1, k) for fstart, fend in _folded_body(doc, offsets)
                     for end, k in self.automaton.iter(padded, fstart, fend + 2))
        taken = bytearray(len(folded) + 1)
        found: list[Mention] = []
        scan = _Scan(text, caps_doc)
        articles = self.article_keys
        for _, fstart, fend, k in raw:
            if taken.find(1, fstart, fend) >= 0:
                continue
            start, end = int(offsets[fstart]), int(offsets[fend - 1]) + 1
            if (cut_letters and end in cut_letters) or (k in articles and text.startswith(_UNIT_CUES_AFTER, end)):
                continue  # a word cut short where cells meet ("CallaoAt"), or "the Santa Province"
            mention = self._judge(scan, start, end, k)
            if mention is not None:
                found.append(mention)
                taken[fstart:fend] = b"\x01" * (fend - fstart)
            elif " " in keys[k]:  # a name of several words is never split into its words
                taken[fstart:fend] = b"\x01" * (fend - fstart)
        found = self._with_unknown_places(doc, found)
        found += self._misspelt_units(doc, found)
        found.sort(key=lambda m: m.start)
        _cue_lists(text, found)
        # A name seen as someone's surname is not a village elsewhere in the document (a street
        # the text marks keeps its mention: "Larco Avenue").
        return [m for m in found if m.key not in scan.people or m.marked_as
                or any(p.kind in STRONG_KINDS for p, _ in m.candidates)]

    def _judge(self, scan: _Scan, start: int, end: int, k: int) -> Mention | None:
        """Keep a gazetteer match as a mention, or say it is a person, a foreign place or a word."""
        text = scan.text
        span = text[start:end]
        capitalised = _capitalised(span)
        upper_context = scan.caps_doc or ((capitalised or span[:1].isupper()) and scan.line_upper(start, end))
        # ordinary words: lower case in mixed-case text, or very common words
        if not capitalised and not upper_context:
            return None
        name = self._name(k)
        key, strong, zipf = name.key, name.strong, name.zipf
        if not strong and zipf >= 4.0 and not (name.words > 1 and _every_word_capitalised(span)):
            return None  # a common word; "Santa Bárbara" is a name however common abroad
        if upper_context and not strong and (zipf >= 2.5 or name.best_pop < 1000) \
                and not _placed_in_brackets(text, end, name.candidates):
            return None  # a small place in capitals, unless a bracket after it names its area: "AUCAYACU (HUANUCO)"
        if strong and zipf >= 5.0 and name.words == 1 and (upper_context or _sentence_start(text, start)):
            return None
        if not span.isascii() and _sentence_start(text, start) and _marks_another_word(span, key, name.candidates):
            return None  # "Mató al menos a tres": a verb, not the district of Mato
        before_words = _words_before(text, start, 5)
        if not upper_context and len(before_words) == 5 and all(w[:1].isupper() or w in _CONNECTORS for w in before_words):
            before_words = _words_before(text, start, 8)  # a long run of names: an organisation's, perhaps
        before, after = before_words[-3:], _words_after(text, end, 3)
        # organisations and operations: "Embassy Lima", "Minera Yanacocha", "Partido Comunista del Perú"
        if before and (before[-1].lower() in ORG_DIRECT or " ".join(before[-2:]).lower() in ORG_DIRECT):
            return None
        if after and " ".join(after[:2]).lower() in ORG_AFTER:
            return None
        if _in_organisation_name(before_words, upper_context) and \
                _in_organisation_name(_name_run_before(text, start, before_words), upper_context):
            return None
        cue, cue_kind = _cue(before, after, text, end)
        # peoples and their languages: "the Aguaruna agreed", "los aimaras" (a place only when cued)
        if cue is None and name.people:
            return None
        # people: titles, given names before surnames, reporting verbs after
        if before and before[-1].lower().rstrip(".") in TITLES:
            scan.people.add(key)
            return None
        if cue is None and not strong and (_ruled_by(before) or name.given_name):
            return None  # "el régimen de Fujimori", "Alan García": a president, not a village named after him
        if not strong or name.strong_districts:
            if _person_context(text, start, end, before, after, upper_context):
                scan.people.add(key)
                return None
        return Mention(span, start, end, key, name.candidates, cue, cue_kind, foreign=name.foreign)

    def _name(self, k: int) -> _Name:
        """What is known of key ``k`` before any text is read (worked out on its first match)."""
        name = self._names.get(k)
        if name is None:
            key, cands = self.keys[k], self.gaz.places_for_key(k)
            # a unit known by a short name alone ("Prado", "Fajardo") may still be a person's surname
            strong = any(p.kind in STRONG_KINDS and how not in ("first_word", "surname") for p, how in cands)
            best_pop = max((p.population or 0) for p, _ in cands) if cands else 0
            name = self._names[k] = _Name(
                key, cands, strong, best_pop, float(self.zipf[k] / 10), key.count(" ") + 1,
                # foreign places that are also Peruvian villages
                bool(self.foreign[k] > 5 * max(best_pop, 1 if not strong else 100_000)),
                key in _PEOPLES, " " in key and key.split(" ", 1)[0] in GIVEN_NAMES,
                all(p.kind == "district" for p, _ in cands if p.kind in STRONG_KINDS))
        return name

    def _misspelt_units(self, doc: Document, found: list[Mention]) -> list[Mention]:
        """Admin units spelt wrong or damaged by OCR ("Apurmac Region"): a capitalised word
        beside a cue word, matched to a department, province or district name by rapidfuzz."""
        out: list[Mention] = []
        text = doc.text
        if not any(cue in text for cue in _CUE_STEMS):
            return out
        for m in _CUED_WORD.finditer(text):
            name = m.group("before") or m.group("after")
            s = m.start("before") if m.group("before") else m.start("after")
            e = s + len(name)
            if doc.in_header(s, e) or any(x.start < e and s < x.end for x in found):
                continue
            key = fold(name)
            if self.gaz.has_name(key) or len(key) < 5:
                continue
            hit = self._closest_unit(key)
            if hit is None:
                continue
            k = self.gaz.key_id(hit[0])
            cands = [(p, "fuzzy") for p, _ in self.gaz.places_for_key(k) if p.kind in _UNIT_KINDS]
            cue = (m.group("cue_after") or m.group("cue_before") or "").lower()
            out.append(Mention(name, s, e, key, cands, cue, CUE_AFTER.get(cue) or CUE_BEFORE.get(cue),
                               reason=f"spelling close to {hit[0]!r} ({hit[1]:.0f}%)"))
        return out

    def _closest_unit(self, key: str) -> tuple | None:
        """rapidfuzz's department, province or district name closest to ``key`` (88% alike or more),
        with its score, or None; remembered per key, as a misspelling recurs."""
        from rapidfuzz import fuzz, process

        if key not in self._closest:
            if len(self._closest) >= _CLOSEST_HELD:
                self._closest.clear()
            self._closest[key] = process.extractOne(key, self._unit_keys, scorer=fuzz.ratio, score_cutoff=88)
        return self._closest[key]

    @cached_property
    def _unit_keys(self) -> list[str]:
        return sorted({fold(p.name) for p in self.gaz.of_kind(*_UNIT_KINDS)})

    def _with_unknown_places(self, doc: Document, found: list[Mention]) -> list[Mention]:
        """The mentions and the places the gazetteer lacks that the text marks as places: streets,
        bridges, towns; a name matched in the words that mark one is part of its name ("la Curva" of
        "la Curva del Diablo"), not a place of its own."""
        text = doc.text
        out: list[Mention] = []
        possible = _UNKNOWN_PLACE_SCREENS.may_match(text)
        if not possible:
            return found
        markers: list[tuple[int, int]] = []
        found = sorted(found, key=lambda m: m.start)
        starts = [m.start for m in found]
        taken = _Spans((m.start, m.end) for m in found)
        marked: dict[str, str] = {}
        for i, (kind, pattern) in enumerate(UNKNOWN_PLACE_PATTERNS):
            if i not in possible:
                continue
            for m in pattern.finditer(text):
                s, e = m.span("name")
                if doc.in_header(s, e):
                    continue
                i = bisect_right(starts, e)
                overlapping = [mn for mn in found[max(0, i - 3):i] if mn.start < e and s < mn.end]
                if overlapping:
                    if kind not in ("town", "area"):  # a gazetteer name used as a street: "calle Tarata"
                        for mention in overlapping:
                            mention.marked_as = kind
                        marked[m.group("name").split()[0].lower()] = kind
                    continue
                if not taken.add(s, e):
                    continue
                markers.append((m.start(), s))
                out.append(Mention(text[s:e], s, e, text[s:e].lower(), [], marked_as=kind,
                                   reason=f"marked as a {kind} by the text"))
                marked[m.group("name").split()[0].lower()] = kind
        for mention in found:
            if mention.marked_as is None and mention.key.split()[0] in marked:
                mention.marked_as = marked[mention.key.split()[0]]
        return [mn for mn in found if not any(a < mn.end <= b for a, b in markers)] + out


@dataclass(frozen=True, slots=True)
class _Name:
    """A gazetteer name as the finder judges it: its places and what does not depend on the text."""

    key: str
    candidates: list[tuple[Place, str]]
    strong: bool  # a place of a strong kind, not by a short form alone
    best_pop: int
    zipf: float  # how common its words are
    words: int
    foreign: bool  # also the name of a much larger foreign place
    people: bool  # also a people's or a language's name
    given_name: bool  # its first word is a given name ("Alan García")
    strong_districts: bool  # its places of strong kinds are all districts


class _Spans:
    """Non-overlapping character spans, with overlap tests in logarithmic time."""

    def __init__(self, spans):
        self.spans = sorted(spans)

    def add(self, start: int, end: int) -> bool:
        """Add [start, end) unless it overlaps a span already there; say whether it was added."""
        i = bisect_right(self.spans, (start, float("inf")))
        if i and self.spans[i - 1][1] > start:
            return False
        if i < len(self.spans) and self.spans[i][0] < end:
            return False
        self.spans.insert(i, (start, end))
        return True


class _Scan:
    """What the finder learns while reading one document: its case, its people's names."""

    def __init__(self, text: str, caps_doc: bool):
        self.text, self.caps_doc = text, caps_doc
        self.people: set[str] = set()
        self._upper_lines: dict[int, bool] = {}

    def line_upper(self, start: int, end: int) -> bool:
        line = self.text.rfind("\n", 0, start)
        if line not in self._upper_lines:
            self._upper_lines[line] = _line_is_upper(self.text, start, end)
        return self._upper_lines[line]


def find_mentions(doc: Document, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """The place mentions of a document (see :class:`MentionFinder`)."""
    return MentionFinder.for_gazetteer(gazetteer or Gazetteer.load()).find(doc)


# -- helpers over the original text -------------------------------------------------------------
# Each Latin-1 character's class as a byte (l lower case, U upper case, d digit, space otherwise),
# and where two table cells meet in that string: "massacreNovember", "1984Chungui", "Ayacucho10",
# "1990Ocros", "Lima25" (a figure touching a word is read as a space: the word is a word of its own).
_CHAR_CLASS = bytes(ord("l") if chr(c).islower() else ord("U") if chr(c).isupper() else ord("d") if chr(c).isdigit()
                    else 32 for c in range(256))
_LETTER, _UPPER, _DIGIT = ord("l"), ord("U"), ord("d")


def _cell_edges(text: str) -> tuple[np.ndarray | None, frozenset[int]]:
    """Where table cells run together in the text, to be read as spaces so that a name at a cell's
    edge is matched (None for nowhere), and where a letter gives way to such a space (a name ending
    there is cut short); the original text keeps its characters."""
    cls = text.encode("latin-1", "replace").translate(_CHAR_CLASS)
    if not any(pair in cls for pair in (b"lU", b"ld", b"Ud", b"dl", b"dU")):
        return None, frozenset()
    c = np.frombuffer(cls, dtype=np.uint8)
    spaces = np.flatnonzero(_cells_meet(c))
    return spaces, frozenset(spaces[c[spaces] == _LETTER].tolist())


def _cells_meet(c: np.ndarray) -> np.ndarray:
    """Where, in a string of character classes, a cell ends: a lower-case letter or a figure before a
    capitalised word, a figure touching a letter."""
    letter, digit = (c == _LETTER) | (c == _UPPER), c == _DIGIT
    meet = np.zeros(len(c), dtype=bool)
    meet[:-2] = ((c[:-2] == _LETTER) | digit[:-2]) & (c[1:-1] == _UPPER) & (c[2:] == _LETTER)
    meet[1:] |= digit[1:] & letter[:-1]
    meet[:-1] |= digit[:-1] & letter[1:]
    return meet


def _folded_body(doc: Document, offsets: np.ndarray) -> list[tuple[int, int]]:
    """The document's body spans as spans of its folded text (``offsets`` maps folded to original
    positions): a name that touches the header (routing, reference lines) is never a mention."""
    body = doc.body
    if len(body) == 1 and body[0] == (0, len(doc.text)):
        return [(0, len(offsets))]
    bounds = np.searchsorted(offsets, [at for span in body for at in span]).tolist() if body else []
    return [(s, e) for s, e in zip(bounds[::2], bounds[1::2]) if s < e]


def _cue_lists(text: str, found: list[Mention]) -> None:
    """Give every name of a list after a plural cue its kind ("las provincias de Cotabambas y
    Chumbivilcas": two provinces); a plural cue before one name names the unit holding them, and
    gives nothing ("las provincias de Huancavelica" is the department)."""
    i = 0
    while i < len(found):
        j = i + 1
        while j < len(found) and LIST_GAP.fullmatch(text, found[j - 1].end, found[j].start):
            j += 1
        words = [w.lower() for w in _words_before(text, found[i].start, 3)] if j - i >= 2 else []
        kind = next((CUE_BEFORE_LIST[p] for n in (3, 2) if len(words) >= n
                     and (p := " ".join(words[-n:])) in CUE_BEFORE_LIST), None)
        for m in found[i:j] if kind else ():
            if m.cue_kind is None:
                m.cue, m.cue_kind = " ".join(words[-2:]), kind
        i = j


def _words_before(text: str, start: int, n: int) -> list[str]:
    return _WORD.findall(text, max(0, start - 10 * n), start)[-n:]


# What ends a run of words that could be one name: punctuation, a blank line, a table's wide gap.
_NAME_BREAK = re.compile(r"[,;:()\[\]\"“”]|\s{2,}")


def _name_run_before(text: str, start: int, words: list[str]) -> list[str]:
    """The last of ``words`` (those right before ``start``) that stand in one run with the name:
    "Huancavelica" in "la región Central (Huancavelica" is not the tail of "Central"."""
    window = text[max(0, start - 10 * len(words)):start]
    cut = None
    for cut in _NAME_BREAK.finditer(window):
        pass
    if cut is None:
        return words
    n = len(_WORD.findall(window, cut.end()))
    return words[max(0, len(words) - n):] if n else []


def _words_after(text: str, end: int, n: int) -> list[str]:
    return _WORD.findall(text, end, end + 40)[:n]


def _every_word_capitalised(span: str) -> bool:
    return all(w[:1].isupper() for w in span.split() if w.lower() not in _CONNECTORS)


def _marks_another_word(span: str, key: str, candidates: list[tuple[Place, str]]) -> bool:
    """Is the word a stressed final vowel ("Mató", "Llegó") that every place of this name is written
    without ("Mato")? A verb of the past capitalised at the start of a sentence, not the place: names
    may lack marks the text writes ("Ñuñoa", "Vizcatán"), so only this ending, where Spanish marks
    the verb, tells them apart."""
    last = span[-1:].lower()
    if last not in _STRESSED_FINALS:
        return False
    names = [p.name for p, _ in candidates if fold(p.name) == key]
    return bool(names) and len(names) == len(candidates) and all(n[-1:].lower() == _STRESSED_FINALS[last] for n in names)


_STRESSED_FINALS = {"ó": "o", "é": "e", "á": "a", "í": "i"}


def _placed_in_brackets(text: str, end: int, candidates: list[tuple[Place, str]]) -> bool:
    """Does a bracket right after the name hold the department or province of one of its places, as cables
    write them ("NEAR AUCAYACU (HUANUCO)")?"""
    m = _BRACKETED.match(text, end)
    if m is None:
        return False
    area = fold(m.group(1))
    return any(fold(p.admin1 or "") == area or fold(p.admin2 or "") == area for p, _ in candidates)


_BRACKETED = re.compile(r"[ \t]*\(([^()\n]{3,40})\)")


def _capitalised(span: str) -> bool:
    return span[:1].isupper() or span.rsplit(None, 1)[-1][:1].isupper()


# Latin-1 bytes that bytes.translate() deletes to count upper- and lower-case letters.
_NOT_UPPER = bytes(i for i in range(256) if not chr(i).isupper())
_NOT_LOWER = bytes(i for i in range(256) if not chr(i).islower())


def _case_counts(s: str) -> tuple[int, int]:
    """Upper- and lower-case Latin-1 letters in ``s``, counted at C speed."""
    b = s.encode("latin-1", "ignore")
    return len(b.translate(None, _NOT_UPPER)), len(b.translate(None, _NOT_LOWER))


def _mostly_upper(text: str) -> bool:
    upper, lower = _case_counts(text[:20000])
    return upper > 4 * lower and upper > 0


def _line_is_upper(text: str, start: int, end: int) -> bool:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    upper, lower = _case_counts(text[ls:le if le >= 0 else len(text)])
    return upper > 12 and upper > 4 * lower


def _sentence_start(text: str, start: int) -> bool:
    prefix = text[max(0, start - 4):start].rstrip(" \"'(*#-")
    return not prefix or prefix[-1] in ".!?:\n"


def _person_context(text, start, end, before, after, upper_context) -> bool:
    """Is the name part of a person's name: a run of capitalised words with no place cue?"""
    if after and after[0].lower() in PERSON_AFTER:
        return True
    if after and after[0].lower() in EVENT_AFTER:
        return False  # "Forces Putis massacre": the place of the massacre, after a table's cell
    if upper_context:
        return False
    prev = before[-1] if before and start > len(before[-1]) and text[start - 1] in " \n" \
        and text.endswith(before[-1], 0, start - 1) else ""
    nxt = after[0] if after and text[end:end + 1] in (" ", "\n") and text.startswith(after[0], end + 1) else ""
    if prev[:1].isupper() and prev.lower() not in _NOT_PERSON_BEFORE and not prev.endswith(POSSESSIVES):
        return True  # a given name before a surname; not a possessor ("Lima's Miraflores district")
    if nxt[:1].isupper() and nxt.lower() not in PLACE_WORDS and nxt.lower() not in CUE_AFTER:
        return True
    return False


def _in_organisation_name(before: list[str], upper_context: bool) -> bool:
    """Is the name the tail of an organisation's name ("Banco de Crédito del Perú", "central
    Ashaninka del Río Tambo")? A head in lower case needs a capitalised word after it: in
    "la selva central del Perú" or "the government of Peru" the place is a place."""
    named = False  # a capitalised word between the head and the place
    for i in range(len(before) - 1, -1, -1):
        word = before[i]
        low = word.lower()
        if low in ORG_BEFORE and (i < len(before) - 1 or low in ORG_DIRECT):
            return named or upper_context or word[:1].isupper() or low in ORG_DIRECT
        if low not in _CONNECTORS:
            if upper_context or not word[:1].isupper():
                return False
            named = True
    return False


def _ruled_by(before: list[str]) -> bool:
    """Do the words before the name make it the head of a government ("the regime of")?"""
    return any(" ".join(before[-n:]).lower() in RULE_OF for n in (2, 3) if len(before) >= n)


def _cue(before: list[str], after: list[str], text: str, end: int) -> tuple[str | None, str | None]:
    """The cue word or phrase before the name, or the one joined to it after (the name ends at ``end``)."""
    if before and before[-1].lower() in _CUE_BEFORE_LAST:
        for n in range(min(3, len(before)), 0, -1):
            phrase = " ".join(before[-n:]).lower()
            if phrase in CUE_BEFORE:
                return phrase, CUE_BEFORE[phrase]
    if after and after[0].lower() in CUE_AFTER and _JOINED_AFTER.match(text, end):
        return after[0].lower(), CUE_AFTER[after[0].lower()]
    return None, None

