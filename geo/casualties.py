"""Killed and injured counts in a sentence, in English and Spanish."""

from __future__ import annotations

import re

from geo.numbers import NUMBER, parse_number

__all__ = ["killed_in", "injured_in"]

_N = rf"(?<!the )(?<!The )(?<!el )(?:at least |some |about |nearly |almost |more than |over |up to |al menos |unos |unas |más de |mas de )?(?P<n>{NUMBER})"
_BETWEEN = rf"between (?P<n>{NUMBER}) and {NUMBER}|entre (?P<n2>{NUMBER}) y {NUMBER}"
# Up to eight words between the count and the verb: "Four Peruvian National Police (PNP) officers were killed".
_STOP = (rf"(?!(?:and|y|or|o|killed|killing|kill|injured|injuring|wounded|wounding|dead|died|muertos|"
         rf"muertas|heridos|heridas|fallecidos|{NUMBER})\b)")
_GAP = rf"(?:{_STOP}[\w().'’-]+[ \n]){{0,8}}?"
_KILLED_VERBS = (r"(?:were |was |are |have been |had been |been |being )?(?:killed|dead|died|murdered|slain|"
                 r"executed|massacred|shot dead|lost their lives|perished|die|dies)")
_INJURED_VERBS = r"(?:were |was |are |have been |had been |been )?(?:injured|wounded|hurt)"
_KILLED = [
    re.compile(rf"\b{_N}[ \n]{_GAP}{_KILLED_VERBS}\b", re.IGNORECASE),
    re.compile(rf"\b(?:killing|killed|kills|kill|murdering|murdered|executing|executed|massacred)[ \n]"
               rf"(?:all |at least |some |about )?(?:the |of the )?{_N}\b", re.IGNORECASE),
    re.compile(rf"\b{_N}[ \n](?:people |persons |civilians |soldiers |police |officers |protesters )?"
               rf"(?:deaths|dead|fatalities)\b", re.IGNORECASE),
    re.compile(rf"\b(?:death toll|toll)[ \n](?:\w+[ \n]){{0,3}}?(?:of|to|at|reached)[ \n]{_N}\b", re.IGNORECASE),
    re.compile(rf"\b{_N}[ \n]{_GAP}(?:muertos|muertas|fallecidos|fallecidas|asesinados|asesinadas|"
               rf"víctimas mortales|murieron|perdieron la vida)\b", re.IGNORECASE),
    re.compile(rf"\b(?:asesin\w+|mat(?:ó|aron|ando)|ejecut\w+)[ \n](?:a[ \n])?{_N}\b", re.IGNORECASE),
    re.compile(rf"\b(?:dej(?:ó|aron|ando)|saldo de)[ \n]{_N}[ \n](?:muertos|fallecidos|víctimas)\b", re.IGNORECASE),
]
_INJURED = [
    re.compile(rf"\b{_N}[ \n]{_GAP}{_INJURED_VERBS}\b", re.IGNORECASE),
    re.compile(rf"\b(?:injuring|wounding|injured|wounded)[ \n](?:at least |some |about |another )?{_N}\b",
               re.IGNORECASE),
    re.compile(rf"\b{_N}[ \n]{_GAP}(?:heridos|heridas|lesionados|lesionadas)\b", re.IGNORECASE),
    re.compile(rf"\bhiri(?:endo|eron|ó)[ \n](?:a[ \n])?{_N}\b", re.IGNORECASE),
]
# "several of whom were disarmed before being killed": a part of a count given before
_PARTITIVE = re.compile(r"\s+(?:of (?:whom|them|those|these)|de (?:ellos|ellas|los cuales|las cuales|quienes))\b",
                        re.IGNORECASE)
_EVENT_NOUN = re.compile(r"\s+(?:\w+\s+)?(?:ambush(?:es)?|attacks?|bomb(?:s|ings)?|explosions?|blasts?|clashes|"
                         r"incidents?|emboscadas?|ataques?|atentados?)\b", re.IGNORECASE)
_NONE_BEFORE = re.compile(r"\bno\s+$", re.IGNORECASE)
_OUTCOME = re.compile(r"\b(?:dead|killed|died|deaths|injured|wounded|muertos|heridos|fallecidos)\b", re.I)
_CONJUNCT = re.compile(rf"\b(?:{NUMBER}|an?|another)\b(?=[ \n](?:other[ \n])?[a-z])", re.IGNORECASE)


def _counts(sentence: str, patterns: list[re.Pattern], verb: str) -> list[int]:
    out: dict[int, int] = {}  # where the count is written -> its value; the first pattern wins
    for pattern in patterns:
        for m in pattern.finditer(sentence):
            value = parse_number(m.group("n"))
            if value is None or m.start("n") in out or _PARTITIVE.match(sentence, m.end("n")) \
                    or _EVENT_NOUN.match(sentence, m.end("n")):
                continue  # "several of whom"; "Two ambushes ... killed": not a count of people
            if _NONE_BEFORE.search(sentence, max(0, m.start("n") - 4), m.start("n")):
                value = 0  # "no one was hurt"
            if pattern is patterns[0]:
                value = _with_conjuncts(sentence, m, value, verb)
            out[m.start("n")] = value
    return list(out.values())


def _with_conjuncts(sentence: str, m: re.Match, value: int, verb: str) -> int:
    """ "a prosecutor and one other police officer were injured": add the joined subjects."""
    clause_start = max(sentence.rfind(",", 0, m.start()), sentence.rfind(";", 0, m.start()), -1) + 1
    subject = sentence[clause_start:m.end()]
    parts = [p for p in re.split(r"\band\b|\by\b", subject) if p.strip()]
    if len(parts) < 2:
        return value
    total = 0
    for part in parts[:-1]:
        if _OUTCOME.search(part):
            return value  # "10 dead and 61 injured": two counts, not one subject
    for part in parts:
        found = _CONJUNCT.search(part)
        if not found:
            return value
        word = found.group(0).lower()
        total += 1 if word in ("a", "an", "another") else (parse_number(word) or 0)
    return max(total, value)


# Words without which a sentence reports no dead or injured: a cheap test before the patterns.
_KILLED_HINT = re.compile(r"kill|dead|die|death|murder|slain|execut|massacr|perish|lost their lives|toll|"
                          r"fatalit|muert|fallec|asesin|mat[óa]|ejecut|v[ií]ctimas", re.IGNORECASE)
_INJURED_HINT = re.compile(r"injur|wound|hurt|herid|lesionad|hiri", re.IGNORECASE)


def killed_in(sentence: str) -> int | None:
    """The lowest number of dead the sentence reports, or None when it gives no figure."""
    if not _KILLED_HINT.search(sentence):
        return None
    found = _counts(sentence, _KILLED, "killed")
    return min(found) if found else None


def injured_in(sentence: str) -> int | None:
    """The lowest number of injured the sentence reports, or None when it gives no figure."""
    if not _INJURED_HINT.search(sentence):
        return None
    found = _counts(sentence, _INJURED, "injured")
    return min(found) if found else None
